/// Byte-level UTF-8 validation, so a reader of raw file bytes can locate the first byte that is
/// not UTF-8 instead of refusing the whole file.
enum UTF8Check {
    /// The length (2 to 4) of the well-formed multi-byte sequence at `offset`, or 0 when the
    /// bytes there are not one: a stray continuation byte, an overlong form, a surrogate, a
    /// value past U+10FFFF or a sequence cut short by the end of `bytes`.
    static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        let lead = bytes[offset]
        let length: Int
        var second: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; second = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; second = 0x80...0x9F
        case 0xF0: length = 4; second = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; second = 0x80...0x8F
        default: return 0
        }
        guard offset + length <= bytes.count, second.contains(bytes[offset + 1]) else { return 0 }
        for next in offset + 2 ..< offset + length where !(0x80...0xBF).contains(bytes[next]) { return 0 }
        return length
    }
}
