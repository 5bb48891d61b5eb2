/// Line breaks as libyaml counts them: `\n`, `\r\n` (one break), a lone `\r`, NEL, LS and PS.
enum LineBreak {
    /// The length in bytes of the line break that starts at `offset`, or 0 if none does.
    static func length(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        switch bytes[offset] {
        case UInt8(ascii: "\n"):
            return 1
        case UInt8(ascii: "\r"):
            return offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "\n") ? 2 : 1
        case 0xC2 where offset + 1 < bytes.count && bytes[offset + 1] == 0x85:
            return 2
        case 0xE2 where offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9):
            return 3
        default:
            return 0
        }
    }
}
