import Foundation
import KubeModel

/// Decodes a request body in Kubernetes' protobuf encoding (`application/vnd.kubernetes.protobuf`:
/// the `k8s\0` prefix, then a `runtime.Unknown` naming the apiVersion and kind around the
/// object's bytes) into the JSON object it stands for. Fields Go leaves at their zero value are
/// omitted, as Go's JSON encoding omits them. Kinds, and fields with a value, outside
/// `ProtobufMessages` are refused (415), never dropped.
enum ProtobufDecoder {
    static let magic: [UInt8] = [0x6B, 0x38, 0x73, 0x00]

    static func object(from bytes: [UInt8]) throws(SandboxError) -> JSONValue {
        do {
            guard bytes.starts(with: magic) else { throw ProtobufReader.Malformed(description: "no k8s protobuf prefix") }
            var apiVersion = "", kind = "", raw = ArraySlice<UInt8>()
            var unknown = ProtobufReader(bytes[magic.count...])
            while let (number, value) = try unknown.next() {
                guard case .bytes(let data) = value else { continue }
                switch number {
                case 1:
                    var typeMeta = ProtobufReader(data)
                    while let (field, member) = try typeMeta.next() {
                        guard case .bytes(let text) = member else { continue }
                        if field == 1 { apiVersion = String(decoding: text, as: UTF8.self) }
                        if field == 2 { kind = String(decoding: text, as: UTF8.self) }
                    }
                case 2: raw = data
                default: continue
                }
            }
            guard let message = ProtobufMessages.kinds["\(apiVersion)/\(kind)"] else {
                throw unsupported("the sandbox does not decode \(apiVersion) \(kind) from protobuf; send it as JSON")
            }
            var object: JSONObject = ["apiVersion": .string(apiVersion), "kind": .string(kind)]
            for (key, member) in try decode(raw, as: message) { object[key] = member }
            return .object(object)
        } catch let error as ProtobufReader.Malformed {
            throw .api(.badRequest("the protobuf request body is malformed: \(error.description)"))
        } catch let error as SandboxError {
            throw error
        } catch {
            throw .api(.badRequest("the protobuf request body is malformed: \(error)"))
        }
    }

    private static func unsupported(_ message: String) -> SandboxError {
        .api(APIStatus(code: 415, reason: "UnsupportedMediaType", message: message))
    }

    private static func decode(_ bytes: ArraySlice<UInt8>, as message: String) throws -> JSONObject {
        guard let fields = ProtobufMessages.messages[message] else { throw unsupported("no protobuf decoding for \(message)") }
        var object = JSONObject()
        var reader = ProtobufReader(bytes)
        while let (number, value) = try reader.next() {
            guard let field = fields[number] else {
                // Go's encoder writes every non-pointer field, zero or not: a zero carries nothing.
                if value.isZero { continue }
                throw unsupported("the sandbox does not decode field \(number) of the protobuf message \(message); send the object as JSON")
            }
            guard let decoded = try decode(value, as: field.type) else { continue }
            if field.repeated {
                object[field.name] = .array((object[field.name]?.arrayValue ?? []) + [decoded])
            } else if case .map = field.type, let entry = decoded.objectValue {
                var map = object[field.name]?.objectValue ?? JSONObject()
                for (key, member) in entry { map[key] = member }
                object[field.name] = .object(map)
            } else if field.keepZero || !isZero(decoded) {
                object[field.name] = decoded
            }
        }
        return object
    }

    /// A map field's value is one entry (key 1, value 2), returned as a one-member object.
    private static func decode(_ value: ProtobufReader.Value, as type: ProtobufMessages.FieldType) throws -> JSONValue? {
        switch (type, value) {
        case (.string, .bytes(let data)): return .string(String(decoding: data, as: UTF8.self))
        case (.bytes, .bytes(let data)): return .string(Data(data).base64EncodedString())
        case (.integer, .varint(let number)): return .integer(Int(Int64(bitPattern: number)))
        case (.bool, .varint(let number)): return .bool(number != 0)
        case (.message(let name), .bytes(let data)): return .object(try decode(data, as: name))
        case (.time, .bytes(let data)):
            var reader = ProtobufReader(data)
            var seconds: Int64 = 0
            while let (number, member) = try reader.next() {
                if number == 1, case .varint(let value) = member { seconds = Int64(bitPattern: value) }
            }
            guard seconds != 0 else { return nil }
            return .string(ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
        case (.intOrString, .bytes(let data)):
            var reader = ProtobufReader(data)
            var isString = false, integer = 0, text = ""
            while let (number, member) = try reader.next() {
                switch (number, member) {
                case (1, .varint(let value)): isString = value == 1
                case (2, .varint(let value)): integer = Int(Int32(truncatingIfNeeded: value))
                case (3, .bytes(let value)): text = String(decoding: value, as: UTF8.self)
                default: continue
                }
            }
            return isString ? .string(text) : .integer(integer)
        case (.quantity, .bytes(let data)):
            var reader = ProtobufReader(data)
            while let (number, member) = try reader.next() {
                if number == 1, case .bytes(let text) = member { return .string(String(decoding: text, as: UTF8.self)) }
            }
            return .string("0")
        case (.rawJSON, .bytes(let data)):
            var reader = ProtobufReader(data)
            while let (number, member) = try reader.next() {
                if number == 1, case .bytes(let text) = member {
                    return try JSONValue(parsingJSON: String(decoding: text, as: UTF8.self))
                }
            }
            return nil
        case (.map(let valueType), .bytes(let data)):
            var reader = ProtobufReader(data)
            var key = "", entry: JSONValue = valueType.isString ? "" : .null
            while let (number, member) = try reader.next() {
                if number == 1, case .bytes(let text) = member { key = String(decoding: text, as: UTF8.self) }
                if number == 2, let decoded = try decode(member, as: valueType) { entry = decoded }
            }
            return .object([key: entry])
        default:
            throw unsupported("a protobuf field has an unexpected wire type")
        }
    }

    private static func isZero(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): return text.isEmpty
        case .integer(let number): return number == 0
        case .bool(let flag): return !flag
        case .object(let object): return object.isEmpty
        default: return false
        }
    }
}

private extension ProtobufReader.Value {
    var isZero: Bool {
        switch self {
        case .varint(let number), .fixed64(let number): return number == 0
        case .fixed32(let number): return number == 0
        case .bytes(let data): return data.isEmpty
        }
    }
}

private extension ProtobufMessages.FieldType {
    /// Strings and bytes: an entry without a value maps its key to "".
    var isString: Bool {
        switch self {
        case .string, .bytes: return true
        default: return false
        }
    }
}
