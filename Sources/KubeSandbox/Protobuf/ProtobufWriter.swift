/// Writes the protocol buffers wire format: varint (type 0) and length-delimited (type 2) fields.
struct ProtobufWriter {
    private(set) var bytes: [UInt8] = []

    mutating func varint(_ number: Int, _ value: UInt64) {
        key(number, wireType: 0)
        append(varint: value)
    }

    mutating func bytes(_ number: Int, _ value: [UInt8]) {
        key(number, wireType: 2)
        append(varint: UInt64(value.count))
        bytes += value
    }

    mutating func string(_ number: Int, _ value: String) {
        bytes(number, Array(value.utf8))
    }

    private mutating func key(_ number: Int, wireType: UInt64) {
        append(varint: UInt64(number) << 3 | wireType)
    }

    private mutating func append(varint value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}
