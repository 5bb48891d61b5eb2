#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a multi-document YAML or JSON stream from a file descriptor piece by piece, so a long
/// stream (a 50 MiB `kubectl get -o yaml` dump split into documents, `helm template` of a whole
/// platform) is held one piece at a time: memory stays flat with the stream's length. Pieces
/// end where a line starts with `---` (a document marker, which YAML never reads as content at
/// the start of a line), so each document is read whole, with the same lines and document
/// numbers as `SourceReader.forEachDocument(in:file:_:)` gives for the whole text. A long
/// `kind: List` (`kubectl get -o yaml`, `items` before `kind`) comes item by item, in several
/// `SourceDocument`s with the same index: its items are never held together as values, though
/// its text is held until its end.
public enum SourceStream {
    /// Bytes read from the descriptor at a time; a piece is longer only where one document is.
    public static let defaultReadSize = 1 << 20

    /// Calls `body` with each document of the stream on `descriptor`, read to its end, in
    /// order and as soon as its piece is read. A read that fails throws after the documents
    /// before it, naming `file` and the system's reason. `copy`, when given, is called with
    /// every block of bytes as it is read (to keep standard input for a second reading).
    public static func forEachDocument(
        reading descriptor: Int32, file: String, readSize: Int = defaultReadSize, copy: ((UnsafeRawBufferPointer) -> Void)? = nil,
        _ body: (SourceDocument) -> Void
    ) throws(SourceError) {
        var pending: [UInt8] = []
        var line = 0, documents = 0
        var searchedUpTo = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: readSize, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, readSize)
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                throw .syntax(file: file, line: nil, message: "cannot be read: \(reason)")
            }
            let atEnd = count == 0
            copy?(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            let cut = atEnd ? pending.count : lastPieceEnd(in: pending, from: searchedUpTo)
            // A marker can straddle two reads; look again from a few bytes back next time.
            searchedUpTo = cut > 0 ? 0 : max(0, pending.count - 8)
            if cut > 0 {
                pending.withUnsafeBufferPointer { bytes in
                    let piece = UnsafeBufferPointer(rebasing: bytes[..<cut])
                    SourceReader.forEachDocument(
                        in: piece, file: file, firstLine: line, documentsBefore: documents, listItemByItem: true
                    ) { document in
                        documents = document.index
                        body(document)
                    }
                    line += lineBreaks(in: piece)
                }
                pending.removeFirst(cut)
            }
            if atEnd { return }
        }
    }

    /// The offset of the last line of `bytes` (after `start`) that starts a document: a `---`
    /// marker line, or the `%` directive lines right before one; 0 when there is none yet.
    static func lastPieceEnd(in bytes: [UInt8], from start: Int) -> Int {
        var offset = bytes.count - 4
        while offset > max(start, 0) - 1, offset > 0 {
            defer { offset -= 1 }
            guard bytes[offset - 1] == UInt8(ascii: "\n") || bytes[offset - 1] == UInt8(ascii: "\r"),
                  bytes[offset] == UInt8(ascii: "-"), bytes[offset + 1] == UInt8(ascii: "-"), bytes[offset + 2] == UInt8(ascii: "-"),
                  [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[offset + 3])
            else { continue }
            var cut = offset
            while let previous = lineStart(before: cut, in: bytes), bytes[previous] == UInt8(ascii: "%") { cut = previous }
            return cut
        }
        return 0
    }

    /// The start of the line that ends just before `offset` (a line start), nil at the first line.
    private static func lineStart(before offset: Int, in bytes: [UInt8]) -> Int? {
        guard offset > 0 else { return nil }
        var start = offset - 1
        if bytes[start] == UInt8(ascii: "\n"), start > 0, bytes[start - 1] == UInt8(ascii: "\r") { start -= 1 }
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n"), bytes[start - 1] != UInt8(ascii: "\r") { start -= 1 }
        return start
    }

    /// Line breaks as libyaml counts them (see `LineBreak`).
    static func lineBreaks(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var offset = 0
        while offset < bytes.count {
            let length = LineBreak.length(at: offset, in: bytes)
            if length > 0 { count += 1 }
            offset += max(length, 1)
        }
        return count
    }
}
