import Foundation
import Testing
@testable import KubeModel

@Suite struct SourceStreamTests {
    /// Documents of every kind a reader meets, good and bad, with CRLF lines, a directive, an
    /// explicit end, flow JSON, a control character, a byte that is not UTF-8 and a List.
    static let pieces = [
        "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: first}\ndata:\n  script: |\n    echo hi\n",
        "---\n{\"kind\": \"Secret\", \"metadata\": {\"name\": \"flow\"}}\n...\n",
        "%YAML 1.1\n---\nkind: Service\nmetadata:\n  name: directive\n",
        "---\nkind: Pod\r\nmetadata:\r\n  name: crlf\r\n",
        "---\nkind: Job\nmetadata: {name: bad\n  oops: [\n",
        "---\nkind: Pod\nmetadata: {name: \"control \u{7}\"}\n",
        "---\nkind: Pod\nmetadata: {name: latin1-\u{FFFD}}\n",
        "---\n# only a comment\n",
        "---\napiVersion: v1\nkind: List\nitems:\n- {kind: Pod, metadata: {name: a}}\n- 3\n- kind: Pod\n  metadata: {name: b}\n  metadata: {name: c}\n- {kind: Pod, metadata: {name: d}}\n",
    ]

    /// The text of many documents, with one byte replaced by 0xFF (not UTF-8).
    static func stream(copies: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for copy in 0..<copies {
            for piece in pieces { bytes += Array(piece.replacingOccurrences(of: "name: ", with: "name: c\(copy)-").utf8) }
        }
        for index in bytes.indices.dropLast(2) where bytes[index] == 0xEF && bytes[index + 1] == 0xBF && bytes[index + 2] == 0xBD {
            bytes[index] = 0xFF
            bytes[index + 1] = 0x20
            bytes[index + 2] = 0x20
        }
        return bytes
    }

    /// What a document reads as, to compare two readings of it.
    static func summary(_ document: SourceDocument) -> String {
        let head = "#\(document.index)@\(document.line) "
        let items = document.itemProblems.map { " item \($0)" }.joined()
        switch document.objects {
        case .success(let objects):
            return head + objects.map { "\($0.value.jsonText()) at \($0.origin.line(of: FieldPath(parsing: "metadata.name")) ?? 0)" }.joined(separator: ", ") + items
        case .failure(let error):
            return head + "error \(error)" + items
        }
    }

    /// Reads `bytes` through a pipe-like file in blocks of `readSize`.
    static func readInBlocks(_ bytes: [UInt8], readSize: Int) throws -> [String] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("source-stream-\(UUID().uuidString).yaml")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_RDONLY)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        var read: [String] = []
        var copied: [UInt8] = []
        try SourceStream.forEachDocument(reading: descriptor, file: "s.yaml", readSize: readSize, copy: { copied += $0 }) {
            read.append(summary($0))
        }
        #expect(copied == bytes, "the copy holds every byte read")
        return read
    }

    /// The documents of `bytes` read as one text.
    static func readWhole(_ bytes: [UInt8]) -> [String] {
        var whole: [String] = []
        bytes.withUnsafeBufferPointer { buffer in
            SourceReader.forEachDocument(in: buffer, file: "s.yaml", firstLine: 0, documentsBefore: 0) { whole.append(summary($0)) }
        }
        return whole
    }

    @Test(arguments: [1, 7, 64, 4096, SourceStream.defaultReadSize])
    func piecesReadAsTheWholeTextDoes(readSize: Int) throws {
        let bytes = Self.stream(copies: 6)
        let whole = Self.readWhole(bytes)
        #expect(whole.count == 6 * Self.readWhole(Self.stream(copies: 1)).count)
        #expect(whole.contains { $0.contains("not UTF-8 text") })
        #expect(whole.contains { $0.contains("control character U+0007") })
        #expect(whole.contains { $0.contains("c5-crlf") && $0.contains("c5-directive") == false })
        #expect(try Self.readInBlocks(bytes, readSize: readSize) == whole)
    }

    @Test func documentsAreNumberedAndLocatedThroughTheStream() throws {
        let read = try Self.readInBlocks(Self.stream(copies: 2), readSize: 16)
        // The second copy's first document follows the first copy's documents and lines.
        let perCopy = Self.readWhole(Self.stream(copies: 1)).count
        let lines = Self.pieces.map { $0.utf8.filter { $0 == UInt8(ascii: "\n") }.count }.reduce(0, +)
        #expect(read.count == 2 * perCopy)
        #expect(read[perCopy].hasPrefix("#\(perCopy + 1)@\(lines + 1) "), "\(read[perCopy])")
        #expect(read[perCopy].contains("c1-first"))
    }

    @Test func oneBadListItemDoesNotHideTheOthers() throws {
        let text = Self.pieces[8]
        let documents = SourceReader.documents(in: text, file: "l.yaml")
        let document = try #require(documents.first)
        let names = try document.objects.get().compactMap(\.name)
        #expect(names == ["a", "d"])
        #expect(document.itemProblems.map(\.description) == [
            "l.yaml:6: items[1]: expected an object (a mapping), found integer",
            "l.yaml:9: items[2]: duplicate key \"metadata\" (first at line 8)",
        ])
        #expect(throws: SourceError.self) { try SourceReader.objects(in: text, file: "l.yaml") }
    }

    @Test func aBadItemOfAnObjectThatIsNotAListRejectsTheDocument() {
        let text = "kind: Thing\nitems:\n- a: 1\n  a: 2\n"
        let document = SourceReader.documents(in: text, file: "t.yaml").first
        guard case .failure(let error)? = document?.objects else {
            Issue.record("expected the document to fail")
            return
        }
        #expect(error.description == "t.yaml:4: duplicate key \"a\" (first at line 3)")
    }
}
