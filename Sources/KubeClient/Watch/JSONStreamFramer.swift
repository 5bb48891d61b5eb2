/// Splits a byte stream of concatenated JSON objects (a watch: one object per line) into whole
/// objects, however the bytes were chunked. Pure and incremental: each byte is looked at once,
/// tracking nesting and strings so braces inside strings do not count.
public struct JSONStreamFramer: Sendable {
    private var frame: [UInt8] = []
    private var depth = 0
    private var inString = false
    private var escaped = false
    private var inObject = false
    public let maxFrameBytes: Int

    /// A framer that refuses objects longer than `maxFrameBytes`.
    public init(maxFrameBytes: Int = 16 << 20) { self.maxFrameBytes = maxFrameBytes }

    /// True while part of an object has arrived but not its end.
    public var hasPartialFrame: Bool { inObject }

    /// Consumes `bytes` and returns every object they complete, in order.
    public mutating func append(_ bytes: some Collection<UInt8>) throws(KubeError) -> [[UInt8]] {
        var frames: [[UInt8]] = []
        var start = bytes.startIndex
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if !inObject {
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D:
                    start = bytes.index(after: index)
                case UInt8(ascii: "{"):
                    inObject = true
                    depth = 1
                    start = index
                default:
                    throw KubeError.decoding(type: "watch event", field: "", message: "expected a JSON object, found byte 0x\(String(byte, radix: 16))")
                }
            } else if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        frame.append(contentsOf: bytes[start...index])
                        try checkSize()
                        frames.append(frame)
                        frame = []
                        inObject = false
                        start = bytes.index(after: index)
                    }
                default: break
                }
            }
            index = bytes.index(after: index)
        }
        if inObject {
            frame.append(contentsOf: bytes[start...])
            try checkSize()
        }
        return frames
    }

    private func checkSize() throws(KubeError) {
        guard frame.count <= maxFrameBytes else {
            throw KubeError.transport(TransportError(kind: .responseTooLarge, message: "a watch event is over \(maxFrameBytes) bytes"))
        }
    }
}
