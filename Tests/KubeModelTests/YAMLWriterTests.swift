import Testing
@testable import KubeModel

@Suite struct YAMLWriterTests {
    static let documents: [JSONValue] = [
        ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "a"], "data": ["script": "echo hi\n", "x": "yes"]],
        "just a string",
        [["nested": [1, 2]], [], "- dash"],
        ["empty": [:], "none": [], "text": "two\nlines"],
    ]

    @Test func aStreamIsItsDocumentsJoinedBySeparators() {
        let stream = JSONValue.yamlText(documents: Self.documents)
        #expect(stream == Self.documents.map { $0.yamlText() }.joined(separator: "---\n"))
        #expect(JSONValue.yamlText(documents: []) == "")
    }

    @Test func layoutMatchesKubectl() {
        #expect(Self.documents[0].yamlText() == """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: a
            data:
              script: |
                echo hi
              x: "yes"

            """)
        #expect(Self.documents[1].yamlText() == "just a string\n")
        #expect(Self.documents[2].yamlText() == "- nested:\n  - 1\n  - 2\n- []\n- \"- dash\"\n")
        #expect(Self.documents[3].yamlText() == "empty: {}\nnone: []\ntext: |-\n  two\n  lines\n")
    }

    /// Literal blocks only where they read back exactly; otherwise a quoted scalar with escapes.
    @Test(arguments: [
        ("a\nb", true), ("a\nb\n", true), ("a\n\nb", true), ("a \nb", false), ("a\nb ", false), ("a\nb\n\n", false),
        (" a\nb", false), ("\na", false), ("a\r\nb", false), ("tab\there\nb", true), ("a\nb\t", false), ("no newline", false),
    ])
    func blockLiteralChoice(_ text: String, _ literal: Bool) throws {
        #expect(JSONValue.usesBlockLiteral(text) == literal)
        let value: JSONValue = ["k": .string(text)]
        let back = try SourceReader.objects(in: value.yamlText(), file: "t.yaml")
        #expect(back.first?.value == value)
    }

    @Test func jsonEscapesControlsQuotesAndKeepsUnicode() {
        let value: JSONValue = ["k\"ey": "a\"b\\c\n\r\t\u{08}\u{0C}\u{01}\u{7F}é🚀"]
        #expect(value.jsonText() == #"{"k\"ey":"a\"b\\c\n\r\t\b\f\u0001\u007Fé🚀"}"#)
        // A quote inside a plain scalar needs no quoting; the controls do.
        #expect(value.yamlText() == #"k"ey: "a\"b\\c\n\r\t\b\f\u0001\u007Fé🚀""# + "\n")
    }
}
