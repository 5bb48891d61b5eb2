import Foundation
import KubeModel

/// One recorded case of `../shared/kube-replay/cases.jsonl` (see its README).
struct ReplayCase: Sendable {
    enum Kind: String, Sendable { case http, composite }
    enum Mode: String, Sendable { case auto, code, names }

    let id: String
    let seq: Int
    let area: String
    let name: String
    let kind: Kind
    /// The recorded request as it stands in the file (composites carry extra members).
    let request: JSONValue
    /// What the real server answered (for composites, the scenario's summary).
    let real: JSONValue
    let mode: Mode
    let ignore: [String]
    /// Compare managedFields with their `fieldsV1` instead of reduced entries.
    let fullManagedFields: Bool
    /// How the recording summarised the bodies it compared (`oa3`: an OpenAPI index by the paths
    /// it lists), and the real side's summary.
    let summary: String?
    let comparedReal: JSONValue?
    let note: String

    var method: String { request["method"]?.stringValue ?? "GET" }
    var path: String { request["path"]?.stringValue ?? "" }
    var headers: [String: String] {
        var headers: [String: String] = [:]
        for (name, value) in request["headers"]?.objectValue ?? [:] {
            if let value = value.stringValue { headers[name] = value }
        }
        return headers
    }
    var body: JSONValue? { request["body"].flatMap { $0.isNull ? nil : $0 } }
    var templated: String? { request["templated"]?.stringValue }
    var realStatus: Int? { real["status"]?.intValue }
    var realBody: JSONValue? { real["body"] }

    init(_ line: JSONValue) throws(ReplayDataError) {
        guard let id = line["id"]?.stringValue, let seq = line["seq"]?.intValue,
              let kind = line["kind"]?.stringValue.flatMap(Kind.init(rawValue:))
        else { throw ReplayDataError("a case without id, seq or kind") }
        self.id = id
        self.seq = seq
        self.area = line["area"]?.stringValue ?? ""
        self.name = line["name"]?.stringValue ?? ""
        self.kind = kind
        self.request = line["request"] ?? [:]
        self.real = line["real"] ?? [:]
        let compare = line["compare"]
        self.mode = compare?["mode"]?.stringValue.flatMap(Mode.init(rawValue:)) ?? .auto
        self.ignore = compare?["ignore"]?.arrayValue?.compactMap(\.stringValue) ?? []
        self.fullManagedFields = compare?["managedFields"]?.stringValue == "full"
        self.summary = compare?["summary"]?.stringValue
        self.comparedReal = compare?["compared_real"]
        self.note = line["note"]?.stringValue ?? ""
    }

    /// The cases in `seq` order.
    static func load(from url: URL) throws -> [ReplayCase] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var cases: [ReplayCase] = []
        for line in text.split(separator: "\n") where !line.allSatisfy(\.isWhitespace) {
            cases.append(try ReplayCase(try JSONValue(parsingJSON: String(line))))
        }
        return cases.sorted { $0.seq < $1.seq }
    }
}

/// The recorded data cannot be read as the README describes it.
struct ReplayDataError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Where the recorded data and schemas live: beside the repository (`../shared`).
enum ReplayData {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let casesFile = repositoryRoot.appendingPathComponent("../shared/kube-replay/cases.jsonl").standardized
    static let schemasDirectory = repositoryRoot.appendingPathComponent("../shared/kubernetes-openapi").standardized
}
