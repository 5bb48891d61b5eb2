import Testing
@testable import KubeModel

@Suite struct SourceReaderTests {
    @Test func linesAreKeptPerField() throws {
        let text = """
            # leading comment
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports:
              - name: http
                port: 80
              - name: grpc
                port: 9000
            ---
            ---
            {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "flow"}}
            """
        let objects = try SourceReader.objects(in: text, file: "svc.yaml")
        #expect(objects.count == 2)
        let service = try #require(objects.first)
        #expect(service.origin.line(of: FieldPath(parsing: "spec.ports[1].port")) == 11)
        #expect(service.origin.line(of: FieldPath(parsing: "spec.ports[1].missing")) == 10)
        #expect(service.origin.location(of: FieldPath(parsing: "metadata.name")) == "svc.yaml:5")
        #expect(objects[1].origin.document == 3)
        #expect(objects[1].name == "flow")
    }

    @Test func listsAreExpandedWithItemLines() throws {
        let text = """
            apiVersion: v1
            kind: List
            items:
            - kind: Pod
              metadata: {name: a}
            - kind: Pod
              metadata:
                name: b
            """
        let objects = try SourceReader.objects(in: text, file: "list.yaml")
        #expect(objects.map(\.name) == ["a", "b"])
        #expect(objects[1].origin.line(of: FieldPath(parsing: "metadata.name")) == 8)
    }

    @Test func duplicateKeysAreErrorsWithTheirLine() {
        let text = "kind: Pod\nmetadata:\n  name: a\n  name: b\n"
        #expect(throws: SourceError.syntax(file: "d.yaml", line: 4, message: "duplicate key \"name\" (first at line 3)")) {
            try SourceReader.objects(in: text, file: "d.yaml")
        }
    }

    @Test func syntaxErrorsNameFileAndLine() {
        let text = "kind: Pod\nmetadata:\n  name: [unclosed\n"
        do {
            _ = try SourceReader.objects(in: text, file: "bad.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("bad.yaml:"))
        }
    }

    @Test func scalarDocumentsAreRejected() {
        #expect(throws: SourceError.self) { try SourceReader.objects(in: "just a string\n", file: "s.yaml") }
    }
}

@Suite struct ListItemTests {
    @Test func scalarItemsOfAListAreInvalidWithTheirLine() {
        let text = "apiVersion: v1\nkind: List\nitems:\n- {kind: Pod, metadata: {name: p}}\n- 42\n"
        #expect(throws: SourceError.invalid(file: "l.yaml", line: 5, document: 1, message: "items[1]: expected an object (a mapping), found integer")) {
            try SourceReader.objects(in: text, file: "l.yaml")
        }
    }
}
