import Foundation
import KubeModel
import Logging
import Synchronization

/// One JSON object per line on standard error (`ts`, `level`, `logger`, `msg`, then metadata
/// such as `object` and `reconcileID`), as log pipelines expect from an in-cluster operator.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let write: @Sendable (String) -> Void

    /// - Parameter write: where lines go (standard error unless a test captures them).
    public init(label: String, write: @escaping @Sendable (String) -> Void = JSONLogHandler.standardError) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [(String, JSONValue)] = [
            ("ts", .string(MicroTime.format(Date()))), ("level", .string(event.level.rawValue)), ("logger", .string(label)),
            ("msg", .string(event.message.description)),
        ]
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        for key in merged.keys.sorted() {
            if let value = merged[key] { fields.append((key, Self.json(value))) }
        }
        write(JSONValue.object(JSONObject(fields)).jsonText() + "\n")
    }

    private static func json(_ value: Logger.MetadataValue) -> JSONValue {
        switch value {
        case .string(let text): return .string(text)
        case .stringConvertible(let convertible): return .string(convertible.description)
        case .array(let values): return .array(values.map(json))
        case .dictionary(let members): return .object(JSONObject(members.keys.sorted().compactMap { key in members[key].map { (key, json($0)) } }))
        }
    }

    private static let lock = Mutex(())

    /// Writes a line to standard error, whole.
    @Sendable public static func standardError(_ line: String) {
        lock.withLock { _ in FileHandle.standardError.write(Data(line.utf8)) }
    }
}
