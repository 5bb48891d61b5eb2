import CZlib

/// Raw deflate (RFC 1951) against a preset dictionary, with zlib. The cache keeps each object's
/// JSON text compressed against a typical object of the same kind: most of an object repeats that
/// one (keys, labels, defaults), so what is stored is mostly back-references.
enum Deflate {
    /// An 8 KiB window: the dictionary's last 8 KiB, ahead of an object of a few KiB, are in reach.
    static let windowBits: Int32 = 13
    /// Small match tables: zlib's defaults (a 32 KiB window, memory level 8) allocate 256 KiB
    /// per stream, which for objects of a few KiB costs about five times what compressing does;
    /// these allocate about 40 KiB.
    private static let memoryLevel: Int32 = 5
    private static let streamSize = Int32(MemoryLayout<z_stream>.size)

    /// `input` compressed against `dictionary`; nil if zlib fails (it cannot run out of output).
    static func compress(_ input: UnsafeBufferPointer<UInt8>, dictionary: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard deflateInit2_(&stream, 6, Z_DEFLATED, -windowBits, memoryLevel, Z_DEFAULT_STRATEGY,
                            zlibVersion(), streamSize) == Z_OK else { return nil }
        defer { deflateEnd(&stream) }
        let dictionarySet = dictionary.withUnsafeBufferPointer { buffer in
            deflateSetDictionary(&stream, buffer.baseAddress, UInt32(buffer.count))
        }
        guard dictionarySet == Z_OK else { return nil }
        let bound = Int(deflateBound(&stream, UInt(input.count)))
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bound) { buffer -> [UInt8]? in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            stream.next_out = buffer.baseAddress
            stream.avail_out = UInt32(buffer.count)
            guard deflate(&stream, Z_FINISH) == Z_STREAM_END else { return nil }
            // Copied out at its exact size, not the bound's.
            return Array(buffer[..<(buffer.count - Int(stream.avail_out))])
        }
    }

    /// The `length` bytes `compressed` holds, decompressed against the `dictionary` it was
    /// compressed with; nil if it does not decompress to exactly that.
    static func decompress(_ compressed: [UInt8], length: Int, dictionary: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, -windowBits, zlibVersion(), streamSize) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        let dictionarySet = dictionary.withUnsafeBufferPointer { buffer in
            inflateSetDictionary(&stream, buffer.baseAddress, UInt32(buffer.count))
        }
        guard dictionarySet == Z_OK else { return nil }
        var complete = false
        let output = compressed.withUnsafeBufferPointer { input in
            [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = UInt32(input.count)
                stream.next_out = buffer.baseAddress
                stream.avail_out = UInt32(buffer.count)
                let status = inflate(&stream, Z_FINISH)
                count = buffer.count - Int(stream.avail_out)
                complete = status == Z_STREAM_END && count == length
            }
        }
        return complete ? output : nil
    }
}
