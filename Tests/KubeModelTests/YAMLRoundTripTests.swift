import Testing
@testable import KubeModel

@Suite struct YAMLRoundTripTests {
    /// Strings a YAML 1.1 reader would take for something else must come back as strings.
    static let trickyStrings: [String] = [
        "", " ", "yes", "No", "on", "OFF", "true", "null", "~", "8080", "0x1F", "0o17", "1e3", "1.5", ".inf", "-.inf",
        ".nan", "12:30", "2024-01-01", "1_000", "-", "- item", "key: value", "a #comment", "#x", "&anchor", "*alias",
        "!tag", "|", ">", "'quoted'", "\"double\"", "%pct", "@at", "`tick`", "trailing ", "colon:", "tab\there",
        "line1\nline2", "line1\nline2\n", "ends\n\n", " lead\nline", "ctrl\u{01}x", "ünïcode", "emoji 🚀", "{flow}",
        "[seq]", "a, b", "registry.example.com/shop/order-service:1.8.2", "http://otel-collector.observability:4317",
        "=", "<<", "+1", "-1", "0", "010", "1.8.2", "v1.2", "?q", "with \"quotes\" and \\backslash",
    ]

    @Test(arguments: trickyStrings)
    func stringsSurviveARoundTrip(_ string: String) throws {
        let value: JSONValue = ["key": .string(string), "list": [.string(string)], .init(string.isEmpty ? "x" : string): 1]
        let text = value.yamlText()
        let objects = try SourceReader.objects(in: text, file: "t.yaml")
        #expect(objects.count == 1)
        #expect(objects.first?.value == value, "YAML was:\n\(text)")
    }

    @Test func nestedStructuresKeepOrderAndTypes() throws {
        let value: JSONValue = [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": ["name": "web", "labels": ["b": "2", "a": "1"]],
            "spec": [
                "replicas": 2, "ratio": 0.25, "enabled": true, "nothing": nil, "empty": [:], "none": [],
                "containers": [["name": "api", "ports": [["containerPort": 8080]], "args": ["--x", "-y"]]],
                "matrix": [[1, 2], [3]],
                "script": "#!/bin/sh\necho hi\n",
            ],
        ]
        let text = value.yamlText()
        let back = try SourceReader.objects(in: text, file: "t.yaml")
        #expect(back.first?.value == value)
        #expect(text.hasPrefix("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    b: \"2\"\n"))
        #expect(text.contains("  containers:\n  - name: api\n    ports:\n    - containerPort: 8080\n"))
        #expect(text.contains("  script: |\n    #!/bin/sh\n    echo hi\n"))
    }

    @Test func jsonRoundTripKeepsKeyOrder() throws {
        let text = #"{"z":1,"a":[true,false,null,-2.5e3,"x\"y\\\n\u00e9\ud83d\ude80"],"m":{}}"#
        let value = try JSONValue(parsingJSON: text)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(value["a"]?.arrayValue?[3] == .number(-2500))
        #expect(value["a"]?.arrayValue?[4] == .string("x\"y\\\né🚀"))
        #expect(try JSONValue(parsingJSON: value.jsonText()) == value)
        #expect(try JSONValue(parsingJSON: value.jsonText(indent: 4)) == value)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "tru", "\"\\x\"", "01x", "[1] 2", "\"\u{01}\"", "-", "1."])
    func malformedJSONIsRejected(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue(parsingJSON: text) }
    }

    @Test func deepNestingIsRejectedNotOverflowed() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONValue(parsingJSON: text) }
    }
}
