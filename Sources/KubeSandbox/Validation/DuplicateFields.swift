/// Keys a JSON document repeats within one object, which strict decoding refuses
/// (`strict decoding error: duplicate field "data"`). Expects text that already parsed as JSON.
struct DuplicateFields {
    private let bytes: [UInt8]
    private var position = 0
    private(set) var found: [String] = []

    /// The dotted paths (`data`, `metadata.name`) of every repeated key, in document order.
    static func find(in bytes: [UInt8]) -> [String] {
        var scanner = DuplicateFields(bytes: bytes)
        scanner.value(path: "")
        return scanner.found
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    private mutating func value(path: String) {
        skipSpace()
        guard position < bytes.count else { return }
        switch bytes[position] {
        case UInt8(ascii: "{"): object(path: path)
        case UInt8(ascii: "["): array(path: path)
        case UInt8(ascii: "\""): _ = string()
        default:
            while position < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(bytes[position]) { position += 1 }
        }
    }

    private mutating func object(path: String) {
        position += 1
        var keys: Set<String> = []
        while position < bytes.count {
            skipSpace()
            guard position < bytes.count else { return }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            let key = string()
            let keyPath = path.isEmpty ? key : path + "." + key
            if !keys.insert(key).inserted { found.append(keyPath) }
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: ":") { position += 1 }
            value(path: keyPath)
        }
    }

    private mutating func array(path: String) {
        position += 1
        while position < bytes.count {
            skipSpace()
            guard position < bytes.count else { return }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            value(path: path)
        }
    }

    /// A string token's raw contents (escapes kept as written), leaving the position after it.
    private mutating func string() -> String {
        position += 1
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
            position += bytes[position] == UInt8(ascii: "\\") ? 2 : 1
        }
        let text = String(decoding: bytes[start..<min(position, bytes.count)], as: UTF8.self)
        position += 1
        return text
    }
}
