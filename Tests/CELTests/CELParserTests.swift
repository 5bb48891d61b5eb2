import CEL
import KubeModel
import Testing

@Suite struct CELParserTests {
    @Test func syntaxErrorsPointWhereCELGoPoints() {
        #expect(throws: CELCompileError.self) { try CELProgram.compile("self.replicas >>> 2", selfSchema: nil) }
        do {
            _ = try CELProgram.compile("self.replicas >>> 2", selfSchema: nil)
        } catch {
            #expect(error.description.hasPrefix("ERROR: <input>:1:16: Syntax error: mismatched input '>' expecting {'[', '{', '('"))
            #expect(error.description.contains(" | self.replicas >>> 2\n | ...............^"))
        }
        do {
            _ = try CELProgram.compile("'a' +", selfSchema: nil, kind: .messageExpression)
        } catch {
            #expect(error.description.hasPrefix("ERROR: <input>:1:6: Syntax error: mismatched input '<EOF>'"))
        }
    }
}
