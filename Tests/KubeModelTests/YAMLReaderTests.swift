import Testing
@testable import KubeModel

/// The event-level reader: scalar types, anchors and merge keys, and per-document errors.
@Suite struct YAMLReaderTests {
    static func value(_ yaml: String) throws -> JSONValue? {
        try SourceReader.objects(in: "v: " + yaml + "\n", file: "s.yaml").first?.value["v"]
    }

    static let plainScalars: [(String, JSONValue)] = [
        ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("nUll", "nUll"),
        ("true", true), ("True", true), ("TRUE", true), ("yes", true), ("on", true), ("ON", true),
        ("false", false), ("no", false), ("Off", false), ("y", "y"), ("n", "n"), ("tRue", "tRue"),
        ("0", 0), ("42", 42), ("-17", -17), ("+3", 3), ("1_000", 1000), ("010", 8), ("0o17", 15), ("0x1F", 31),
        ("-0x10", -16), ("0b101", 5), ("9223372036854775807", .integer(Int.max)), ("-9223372036854775808", .integer(Int.min)),
        ("99999999999999999999", .number(1e20)), ("0xFFFFFFFFFFFFFFFFFF", "0xFFFFFFFFFFFFFFFFFF"),
        ("1.5", .number(1.5)), ("-2.5e3", .number(-2500)), ("1e3", .number(1000)), ("1.", .number(1)), (".5", .number(0.5)),
        ("08", .number(8)), ("1_0.2_5", .number(10.25)), (".inf", .number(.infinity)), ("-.Inf", .number(-.infinity)),
        ("+.INF", .number(.infinity)),
        ("12:30", "12:30"), ("2024-01-01", "2024-01-01"), ("1.8.2", "1.8.2"), ("0x", "0x"), ("+", "+"), ("-x", "-x"),
        ("_1", "_1"), ("1e", "1e"), (".e5", ".e5"), ("1__", 1), ("=", "="), ("v1.2", "v1.2"), ("100m", "100m"), ("0.5Gi", "0.5Gi"),
        ("ünïcode", "ünïcode"),
    ]

    @Test(arguments: plainScalars)
    func plainScalarsResolveByTheirText(_ text: String, _ expected: JSONValue) throws {
        #expect(try Self.value(text) == expected)
    }

    @Test func nanIsANumber() throws {
        let value = try #require(try Self.value(".NaN"))
        #expect(value.doubleValue?.isNaN == true)
    }

    @Test func quotedAndBlockScalarsAreStrings() throws {
        for text in ["'8080'", "\"true\"", "'null'", "\"\"", "''", "\"0x1F\""] {
            #expect(try Self.value(text)?.stringValue != nil, "\(text)")
        }
        #expect(try Self.value("|\n  8080\n") == "8080\n")
        #expect(try Self.value(">-\n  a\n  b\n") == "a b")
    }

    @Test func explicitTagsDecide() throws {
        #expect(try Self.value("!!str 8080") == "8080")
        #expect(try Self.value("!!str true") == "true")
        #expect(try Self.value("!!int 12") == 12)
        #expect(try Self.value("!!int \"12\"") == "12")
        #expect(try Self.value("!!float 1") == 1)
        #expect(try Self.value("!!bool yes") == true)
        #expect(try Self.value("!!null whatever") == .null)
        #expect(try Self.value("!custom 12") == "12")
    }

    @Test func keysAreTheirTextAndValuesKeepOrder() throws {
        let object = try #require(try SourceReader.objects(in: "1: a\ntrue: b\n\"q\": c\nnull: d\n", file: "k.yaml").first?.value.objectValue)
        #expect(object.keys == ["1", "true", "q", "null"])
    }

    @Test func anchorsAliasesAndMergeKeys() throws {
        let text = """
            base: &base {cpu: 100m, memory: 128Mi}
            extra: &extra {memory: 1Gi, gpu: 1}
            plain: *base
            merged:
              <<: *base
              memory: 256Mi
            several:
              <<: [*extra, *base]
            quoted:
              "<<": *base
            list: &list [a, b]
            again: *list
            """
        let object = try #require(try SourceReader.objects(in: text, file: "a.yaml").first)
        let value = object.value
        #expect(value["plain"] == ["cpu": "100m", "memory": "128Mi"])
        #expect(value["merged"] == ["cpu": "100m", "memory": "256Mi"])
        #expect(value["several"] == ["memory": "1Gi", "gpu": 1, "cpu": "100m"])
        #expect(value["quoted"]?["<<"] == ["cpu": "100m", "memory": "128Mi"])
        #expect(value["again"] == ["a", "b"])
        #expect(object.origin.line(of: FieldPath(parsing: "merged.memory")) == 6)
        #expect(object.origin.line(of: FieldPath(parsing: "merged.cpu")) == 1, "a merged key keeps its anchor's line")
    }

    @Test func aliasBombsAreRefused() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 { text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        #expect(throws: SourceError.self) { try SourceReader.objects(in: text, file: "bomb.yaml") }
    }

    @Test func oneBadDocumentDoesNotHideTheOthers() throws {
        let text = """
            kind: A
            ---
            kind: B
            spec: {selector: [unclosed
            ---
            kind: C
            metadata:
              name: c
              name: again
            ---
            kind: D
            ---
            - a list
            ---
            kind: E
            v: *nowhere
            ---
            kind: F
            """
        let documents = SourceReader.documents(in: text, file: "m.yaml")
        #expect(documents.map(\.index) == [1, 2, 3, 4, 5, 6, 7])
        let kinds = documents.map { (try? $0.objects.get())?.first?.kind }
        #expect(kinds == ["A", nil, nil, "D", nil, nil, "F"])
        func error(_ index: Int) -> SourceError? {
            if case .failure(let error) = documents[index].objects { return error }
            return nil
        }
        #expect([4, 5].contains(error(1)?.line ?? 0), "the unclosed line or the marker that ends it")
        #expect(documents[1].line == 2)
        #expect(error(2) == .syntax(file: "m.yaml", line: 9, message: "duplicate key \"name\" (first at line 8)"))
        #expect(error(4) == .invalid(file: "m.yaml", line: 13, document: 5, message: "expected an object (a mapping), found array"))
        #expect(error(5)?.line == 16)
        #expect(error(5)?.message.contains("*nowhere") == true)
        // The all-or-nothing reader stops at the first.
        #expect(throws: SourceError.self) { try SourceReader.objects(in: text, file: "m.yaml") }
    }

    @Test func syntaxErrorsAtTheStartAndEndAreLocated() {
        let documents = SourceReader.documents(in: "a: [\n---\nkind: X\n---\nb: {\n", file: "e.yaml")
        #expect(documents.count == 3)
        #expect((try? documents[1].objects.get())?.first?.kind == "X")
        if case .failure(let error) = documents[2].objects { #expect(error.line != nil) } else { Issue.record("expected an error") }
    }

    @Test func controlCharactersAreLocatedAndTheRestRead() {
        let text = "kind: A\n---\nkind: B\nv: \"x\u{01}\"\n---\nkind: C\n"
        let documents = SourceReader.documents(in: text, file: "c.yaml")
        #expect(documents.map { (try? $0.objects.get())?.first?.kind } == ["A", nil, "C"])
        if case .failure(let error) = documents[1].objects {
            #expect(error.line == 4)
            #expect(error.message.contains("U+0001"))
        } else {
            Issue.record("expected an error")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: SourceError.self) { try SourceReader.objects(in: "v: " + deep + "\n", file: "d.yaml") }
        let documents = SourceReader.documents(in: "v: " + deep + "\n---\nkind: After\n", file: "d.yaml")
        #expect((try? documents.last?.objects.get())?.first?.kind == "After")
    }

    @Test func complexKeysAreRejected() {
        #expect(throws: SourceError.self) { try SourceReader.objects(in: "? [a, b]\n: c\n", file: "k.yaml") }
        #expect(throws: SourceError.self) { try SourceReader.objects(in: "{a: 1}: c\n", file: "k.yaml") }
    }

    @Test func emptyInputAndEmptyDocuments() throws {
        #expect(try SourceReader.objects(in: "", file: "e.yaml").isEmpty)
        #expect(try SourceReader.objects(in: "---\n---\n# only a comment\n", file: "e.yaml").isEmpty)
        #expect(SourceReader.documents(in: "---\n---\n", file: "e.yaml").count == 2)
    }

    @Test func windowsLineEndingsKeepLines() throws {
        let object = try #require(try SourceReader.objects(in: "kind: A\r\nmetadata:\r\n  name: a\r\n", file: "w.yaml").first)
        #expect(object.origin.line(of: FieldPath(parsing: "metadata.name")) == 3)
        #expect(object.name == "a")
    }
}
