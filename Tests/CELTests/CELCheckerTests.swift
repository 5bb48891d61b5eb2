import CEL
import Foundation
import KubeModel
import Testing

@Suite struct CELCheckerTests {
    static let spec: JSONValue = ["type": "object", "properties": [
        "replicas": ["type": "integer"], "tag": ["type": "string", "maxLength": 10],
        "names": ["type": "array", "items": ["type": "string"]],
        "ports": ["type": "array", "maxItems": 8, "items": ["type": "object", "properties": ["name": ["type": "string"]]]],
    ]]

    func errors(_ source: String, kind: CELProgram.Kind = .rule) -> [String] {
        CELSchemaCheck.compileErrors(source, selfSchema: Self.spec, kind: kind)
    }

    @Test func typeErrorsAreCompileErrors() {
        #expect(errors("self.nosuchfield > 2") == ["compilation failed: ERROR: <input>:1:5: undefined field 'nosuchfield'\n | self.nosuchfield > 2\n | ....^"])
        #expect(errors("self.replicas + 1") == ["cel expression must evaluate to a bool"])
        #expect(errors("self.replicas", kind: .messageExpression) == ["messageExpression must evaluate to a string"])
        #expect(errors("self.tag + 1 == 'x'").first?.contains("found no matching overload for '_+_' applied to '(string, int)'") == true)
        #expect(errors("self.replicas.startsWith('1')").first?.contains("found no matching overload for 'startsWith' applied to 'int.(string)'") == true)
        #expect(errors("quantity(self.replicas).isLessThan(quantity('1'))").first?.contains("no matching overload for 'quantity' applied to '(int)'") == true)
        #expect(errors("nosuch(self.tag)").first?.contains("undeclared reference to 'nosuch'") == true)
        #expect(errors("self.ports.all(p, p.name.startsWith('x'))").isEmpty)
        #expect(errors("self.ports.all(p, p.nmae == 'x')").first?.contains("undefined field 'nmae'") == true)
        #expect(errors("!has(self.tag) || self.tag.startsWith('v')").isEmpty)
        #expect(errors("'tag ' + self.tag + ' must start with v'", kind: .messageExpression).isEmpty)
    }

    @Test func costGrowsWithUnboundedLists() throws {
        let cheap = try CELProgram.compile("self.ports.all(p, p.name.size() < 10)", selfSchema: Self.spec)
        let nested = try CELProgram.compile("self.names.all(x, self.names.all(y, self.names.all(z, x + y + z != \"\")))", selfSchema: Self.spec)
        #expect(cheap.estimatedCost < 1000)
        #expect(nested.estimatedCost > 100 * CELSchemaCheck.ruleCostLimit)
    }

    /// The recorded CRD cases whose causes are CEL compile or cost errors (those about a rule's
    /// `reason` and `fieldPath` are the sandbox's CRD validation's, replayed in KubeReplayTests).
    @Test(arguments: [289, 290, 291, 292, 293, 299, 300])
    func recordedCRDCasesAgree(seq: Int) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/kube-replay/cases.jsonl")
        let line = try #require(try String(contentsOf: url, encoding: .utf8).split(separator: "\n").first { $0.contains("\"seq\": \(seq),") })
        let recorded = try JSONValue(parsingJSON: String(line))
        let schema = try #require(recorded["request"]?["body"]?["spec"]?["versions"]?.arrayValue?.first?["schema"]?["openAPIV3Schema"])
        let issues = CELSchemaCheck.issues(openAPIV3Schema: schema, at: "spec.validation.openAPIV3Schema")
        let causes = recorded["real"]?["status"] == 201 ? [] : recorded["real"]?["body"]?["details"]?["causes"]?.arrayValue ?? []
        #expect(Set(issues.map { "\($0.reason) \($0.field)" }) == Set(causes.map { "\($0["reason"]?.stringValue ?? "") \($0["field"]?.stringValue ?? "")" }))
        if seq != 289 {
            #expect(issues.map(\.message) == causes.compactMap { $0["message"]?.stringValue }, "case \(seq)")
        }
    }
}
