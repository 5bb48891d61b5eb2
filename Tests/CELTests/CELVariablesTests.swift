import CEL
import KubeModel
import Testing

/// Expressions over named variables (admission policies' `object`, `oldObject`, `params`).
@Suite struct CELVariablesTests {
    @Test func namedVariablesAreBoundAndNullWhenAbsent() throws {
        let program = try CELProgram.compile("oldObject == null && object.metadata.name.startsWith(params.prefix)",
                                             variables: ["object": nil, "oldObject": nil, "params": nil])
        let object: JSONValue = ["metadata": ["name": "web-1"]]
        #expect(try program.evaluate(variables: ["object": object, "oldObject": nil, "params": ["prefix": "web"]]) == .bool(true))
        #expect(try program.evaluate(variables: ["object": object, "oldObject": object, "params": ["prefix": "web"]]) == .bool(false))
    }

    @Test func undeclaredNamesDoNotCompile() {
        #expect(throws: CELCompileError.self) { try CELProgram.compile("self.x == 1", variables: ["object": nil]) }
    }
}
