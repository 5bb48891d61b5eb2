import Foundation
import Testing
@testable import KubeModel

/// A long `kind: List` read from a stream comes item by item, and reads as the whole text does.
@Suite struct SourceStreamListTests {
    /// A `kubectl get -o yaml`-style document of `count` Pods (`items` before `kind`, unless
    /// `kindFirst`), with an item that is not an object and one with a duplicate key near the end.
    static func list(count: Int, kind: String = "List", kindFirst: Bool = false) -> String {
        var text = "---\napiVersion: v1\n" + (kindFirst ? "kind: \(kind)\n" : "") + "items:\n"
        for index in 0..<count {
            switch index {
            case count - 3: text += "- just a string\n"
            case count - 2: text += "- kind: Pod\n  metadata: {name: twice}\n  metadata: {name: again}\n"
            default: text += "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: pod-\(index)\n  spec:\n    containers:\n    - {name: app, image: \"app:\(index)\"}\n"
            }
        }
        return text + (kindFirst ? "" : "kind: \(kind)\n") + "metadata: {resourceVersion: \"\"}\n---\nkind: Service\nmetadata: {name: after}\n"
    }

    /// The documents of `text` read through `SourceStream` in blocks of 4 KiB.
    static func streamed(_ text: String) throws -> [SourceDocument] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("source-stream-list-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var documents: [SourceDocument] = []
        try SourceStream.forEachDocument(reading: descriptor, file: "l.yaml", readSize: 4096) { documents.append($0) }
        return documents
    }

    /// Every object (its document, value and the lines of its name and image) and problem, in order.
    static func flattened(_ documents: [SourceDocument]) -> [String] {
        documents.flatMap { document -> [String] in
            let objects = (try? document.objects.get()) ?? []
            let read = objects.map { object in
                let lines = ["metadata.name", "spec.containers[0].image", ""].map { object.origin.line(of: FieldPath(parsing: $0)) ?? 0 }
                return "#\(document.index)@\(document.line) \(object.value.jsonText()) \(lines)"
            }
            let failure = (try? document.objects.get()) == nil ? ["#\(document.index) failed"] : []
            return read + failure + document.itemProblems.map { "#\(document.index) \($0)" }
        }
    }

    @Test(arguments: [false, true])
    func aLongListComesItemByItemAsTheWholeTextReadsIt(kindFirst: Bool) throws {
        let count = 3 * YAMLTreeBuilder.streamAfter
        let text = Self.list(count: count, kindFirst: kindFirst)
        let streamed = try Self.streamed(text)
        let whole = SourceReader.documents(in: text, file: "l.yaml")
        #expect(whole.count == 2)
        #expect(streamed.count > count - 2, "a document per item")
        #expect(Self.flattened(streamed) == Self.flattened(whole))
        let problems = streamed.flatMap(\.itemProblems).map(\.message)
        #expect(problems.count == 2)
        #expect(problems.first?.hasPrefix("items[\(count - 3)]: expected an object") == true)
        #expect(problems.last?.hasPrefix("items[\(count - 2)]: duplicate key") == true)
    }

    @Test func aShortListAndLongItemsOfAnotherKindAreOneDocument() throws {
        for text in [Self.list(count: YAMLTreeBuilder.streamAfter - 1), Self.list(count: 2 * YAMLTreeBuilder.streamAfter, kind: "Config")] {
            let streamed = try Self.streamed(text)
            #expect(streamed.count == 2)
            #expect(Self.flattened(streamed) == Self.flattened(SourceReader.documents(in: text, file: "l.yaml")))
        }
    }

    @Test func anErrorAfterStreamedItemsFailsTheDocumentAndKeepsTheItemsRead() throws {
        let count = 2 * YAMLTreeBuilder.streamAfter
        let text = Self.list(count: count).replacingOccurrences(of: "metadata: {resourceVersion: \"\"}", with: "kind: Again")
        let streamed = try Self.streamed(text)
        let failed = streamed.filter { (try? $0.objects.get()) == nil }
        #expect(failed.count == 1)
        if case .failure(let error)? = failed.first?.objects { #expect(error.message.contains("duplicate key \"kind\"")) }
        let pods = streamed.flatMap { (try? $0.objects.get()) ?? [] }.filter { $0.kind == "Pod" }
        #expect(pods.count == count - 2, "every object item was read before the error")
        #expect(streamed.last.flatMap { try? $0.objects.get() }?.first?.name == "after")
    }
}
