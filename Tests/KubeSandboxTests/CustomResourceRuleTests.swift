import Foundation
import KubeModel
import KubeSandbox
import NIOHTTP1
import Testing

/// Custom resources' CEL rules, patterns and list keys against the cases recorded from a real
/// API server (`../shared/kube-replay`), replayed in order on one sandbox.
@Suite struct CustomResourceRuleTests {
    /// The namespace and the two CRDs the cases below need.
    static let setup = [38, 279, 280, 323]
    /// Cases whose status and causes (reason, field) must agree.
    static let checked = [328, 329, 331, 332, 333, 334, 337, 338, 339, 340, 343, 344, 368, 369, 370, 371, 372, 373]

    static func cases() throws -> [Int: JSONValue] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/kube-replay/cases.jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        var cases: [Int: JSONValue] = [:]
        for line in text.split(separator: "\n") {
            let value = try JSONValue(parsingJSON: String(line))
            if let seq = value["seq"]?.intValue { cases[seq] = value }
        }
        return cases
    }

    static func causes(_ body: JSONValue?) -> Set<String> {
        Set((body?["details"]?["causes"]?.arrayValue ?? []).map { "\($0["reason"]?.stringValue ?? "") \($0["field"]?.stringValue ?? "")" })
    }

    @Test func recordedRuleCasesAgree() async throws {
        let cases = try Self.cases()
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            for seq in Self.setup + Self.checked {
                let recorded = try #require(cases[seq])
                let request = try #require(recorded["request"])
                let method = HTTPMethod(rawValue: request["method"]?.stringValue ?? "GET")
                let contentType = request["headers"]?["Content-Type"]?.stringValue ?? "application/json"
                let body = request["body"].flatMap { $0.isNull ? nil : $0 }
                let response = try await client.send(method, request["path"]?.stringValue ?? "", body: body, contentType: contentType)
                let expected = recorded["real"]?["status"]?.intValue
                #expect(response.status == expected, "case \(seq): \(response.text)")
                if Self.checked.contains(seq) {
                    #expect(Self.causes(response.json) == Self.causes(recorded["real"]?["body"]), "case \(seq): \(response.text)")
                }
            }
        }
    }
}
