import Foundation
import KubeModel

/// Encodes an object in Kubernetes' protobuf encoding (`application/vnd.kubernetes.protobuf`):
/// the `k8s\0` prefix and a `runtime.Unknown` naming its apiVersion and kind around the
/// object's bytes, fields in number order and map entries by key, as Go's generated marshalling
/// writes them. Only kinds whose every field `ProtobufMessages` describes are encoded: any other
/// object gives nil (the caller answers JSON), so nothing is ever dropped.
enum ProtobufEncoder {
    static let contentType = "application/vnd.kubernetes.protobuf"

    static func bytes(for object: JSONValue) -> [UInt8]? {
        guard let apiVersion = object["apiVersion"]?.stringValue, let kind = object["kind"]?.stringValue,
              let message = ProtobufMessages.kinds["\(apiVersion)/\(kind)"], var members = object.objectValue
        else { return nil }
        members["apiVersion"] = nil
        members["kind"] = nil
        guard let raw = encode(members, as: message) else { return nil }
        var typeMeta = ProtobufWriter()
        typeMeta.string(1, apiVersion)
        typeMeta.string(2, kind)
        var unknown = ProtobufWriter()
        unknown.bytes(1, typeMeta.bytes)
        unknown.bytes(2, raw)
        unknown.string(3, "")
        unknown.string(4, "")
        return ProtobufDecoder.magic + unknown.bytes
    }

    private static func encode(_ object: JSONObject, as message: String) -> [UInt8]? {
        guard let fields = ProtobufMessages.messages[message] else { return nil }
        let numbers = Dictionary(uniqueKeysWithValues: fields.map { ($0.value.name, $0.key) })
        guard object.keys.allSatisfy({ numbers[$0] != nil || object[$0]?.isNull == true }) else { return nil }
        var writer = ProtobufWriter()
        for number in fields.keys.sorted() {
            guard let field = fields[number], let value = object[field.name], !value.isNull else { continue }
            if field.repeated {
                guard let items = value.arrayValue else { return nil }
                for item in items {
                    guard write(item, as: field.type, number: number, into: &writer) else { return nil }
                }
            } else if case .map(let valueType) = field.type {
                guard let map = value.objectValue else { return nil }
                for key in map.keys.sorted() {
                    var entry = ProtobufWriter()
                    entry.string(1, key)
                    guard let member = map[key], write(member, as: valueType, number: 2, into: &entry) else { return nil }
                    writer.bytes(number, entry.bytes)
                }
            } else {
                guard write(value, as: field.type, number: number, into: &writer) else { return nil }
            }
        }
        return writer.bytes
    }

    /// Writes one value as field `number`; false when the value does not fit the field's type.
    private static func write(_ value: JSONValue, as type: ProtobufMessages.FieldType, number: Int,
                              into writer: inout ProtobufWriter) -> Bool {
        switch (type, value) {
        case (.string, .string(let text)):
            writer.string(number, text)
        case (.bytes, .string(let text)):
            guard let data = Data(base64Encoded: text) else { return false }
            writer.bytes(number, Array(data))
        case (.integer, .integer(let integer)):
            writer.varint(number, UInt64(bitPattern: Int64(integer)))
        case (.bool, .bool(let flag)):
            writer.varint(number, flag ? 1 : 0)
        case (.message(let name), .object(let object)):
            guard let bytes = encode(object, as: name) else { return false }
            writer.bytes(number, bytes)
        case (.time, .string(let text)):
            guard let date = ISO8601DateFormatter().date(from: text) else { return false }
            var timestamp = ProtobufWriter()
            timestamp.varint(1, UInt64(bitPattern: Int64(date.timeIntervalSince1970.rounded(.down))))
            timestamp.varint(2, 0)
            writer.bytes(number, timestamp.bytes)
        case (.intOrString, .integer(let integer)):
            var member = ProtobufWriter()
            member.varint(1, 0)
            member.varint(2, UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: integer))))
            member.string(3, "")
            writer.bytes(number, member.bytes)
        case (.intOrString, .string(let text)):
            var member = ProtobufWriter()
            member.varint(1, 1)
            member.varint(2, 0)
            member.string(3, text)
            writer.bytes(number, member.bytes)
        case (.quantity, .string(let text)):
            var member = ProtobufWriter()
            member.string(1, text)
            writer.bytes(number, member.bytes)
        case (.rawJSON, .object):
            var member = ProtobufWriter()
            member.bytes(1, Array(value.jsonText().utf8))
            writer.bytes(number, member.bytes)
        default:
            return false
        }
        return true
    }
}
