import CEL
import KubeModel
import Testing

@Suite struct CELEvaluatorTests {
    func eval(_ source: String, _ value: JSONValue = .null, old: JSONValue? = nil, schema: JSONValue? = nil) throws -> CELValue {
        try CELProgram.compile(source, selfSchema: schema).evaluate(self: value, oldSelf: old, schema: schema)
    }

    func error(_ source: String, _ value: JSONValue = .null) -> String? {
        do {
            _ = try eval(source, value)
            return nil
        } catch let error as CELEvaluationError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: [
        ("1 + 2 * 3 == 7", true), ("7 / 2 == 3 && 7 % 2 == 1", true), ("-(3) < 0", true), ("2.5 * 2.0 == 5.0", true),
        ("1 == 1.0 && 1u == 1 && 2 > 1.5", true), ("'ab' + 'c' == 'abc'", true), ("'abc' < 'abd'", true),
        ("[1, 2] + [3] == [1, 2, 3]", true), ("{'a': 1}['a'] == 1", true), ("2 in [1, 2]", true), ("'k' in {'k': 1}", true),
        ("true ? 1 == 1 : false", true), ("!false", true), ("0x10 == 16", true), ("r'\\d' == '\\\\d'", true),
        ("'''multi''' == \"multi\"", true), ("size('héllo') == 5", true), ("size([1, 2, 3]) == 3", true),
        ("type(1) == type(2)", true), ("string(12) == '12' && int('7') == 7 && double(1) == 1.0", true),
    ])
    func literalsAndOperators(source: String, expected: Bool) throws {
        #expect(try eval(source) == .bool(expected))
    }

    @Test func logicAbsorbsErrorsLikeCEL() throws {
        let value: JSONValue = ["a": 1]
        #expect(try eval("self.missing == 1 || true", value) == .bool(true))
        #expect(try eval("false && self.missing == 1", value) == .bool(false))
        #expect(try eval("self.missing == 1 && false", value) == .bool(false))
        #expect(error("self.missing == 1 && true", value) == "no such key: missing")
        #expect(error("1 / 0 == 1") == "division by zero")
        #expect(error("9223372036854775807 + 1 > 0") == "return error for overflow")
        #expect(try eval("[1, 0].exists(x, 1 / x == 1)") == .bool(true))
        #expect(try eval("[0, 2].all(x, 1 / x == 1)") == .bool(false))
        #expect(error("[0, 1].all(x, 1 / x == 1)") == "division by zero")
    }

    @Test func hasSelectIndexAndOptionals() throws {
        let value: JSONValue = ["spec": ["replicas": 3, "tags": ["a", "b"]]]
        #expect(try eval("has(self.spec.replicas) && !has(self.spec.min)", value) == .bool(true))
        #expect(try eval("self.spec.tags[1] == 'b'", value) == .bool(true))
        #expect(try eval("self.spec.?min.orValue(2) == 2", value) == .bool(true))
        #expect(try eval("self.spec.?replicas.orValue(2) == 3", value) == .bool(true))
        #expect(try eval("self.spec.tags[?5].hasValue()", value) == .bool(false))
        #expect(try eval("optional.of(1).value() == 1 && !optional.none().hasValue()", value) == .bool(true))
        #expect(error("self.spec.tags[2] == 'c'", value) == "index out of bounds: 2")
    }

    @Test func macros() throws {
        let value: JSONValue = ["items": [1, 2, 3, 4], "labels": ["a": "x", "b": "y"]]
        #expect(try eval("self.items.all(i, i > 0)", value) == .bool(true))
        #expect(try eval("self.items.exists(i, i == 3)", value) == .bool(true))
        #expect(try eval("self.items.exists_one(i, i > 3)", value) == .bool(true))
        #expect(try eval("self.items.map(i, i * 2) == [2, 4, 6, 8]", value) == .bool(true))
        #expect(try eval("self.items.map(i, i % 2 == 0, i * 10) == [20, 40]", value) == .bool(true))
        #expect(try eval("self.items.filter(i, i % 2 == 1) == [1, 3]", value) == .bool(true))
        #expect(try eval("self.labels.all(k, self.labels[k].size() == 1)", value) == .bool(true))
        #expect(try eval("[has(self.items), has(self.x)].filter(x, x).size() == 1", value) == .bool(true))
    }

    @Test func stringFunctions() throws {
        #expect(try eval("'a--b'.contains('--') && 'abc'.startsWith('ab') && 'abc'.endsWith('bc')") == .bool(true))
        #expect(try eval("'a1'.matches('[a-z]') && !'12'.matches('[a-z]') && matches('x', '^x$')") == .bool(true))
        #expect(try eval("'AbC'.lowerAscii() == 'abc' && 'abc'.upperAscii() == 'ABC'") == .bool(true))
        #expect(try eval("'a,b'.split(',') == ['a', 'b'] && ['a', 'b'].join('-') == 'a-b'") == .bool(true))
        #expect(try eval("' x '.trim() == 'x' && 'aXa'.replace('X', 'y') == 'aya' && 'abc'.indexOf('c') == 2") == .bool(true))
        #expect(error("'a'.matches('(')")?.hasPrefix("invalid regular expression") == true)
        #expect(try eval("!'abc\\n'.matches('^[a-z]+$') && 'a$'.matches('a[$]$') && 'a$'.matches('a\\\\$$')") == .bool(true))
    }

    @Test func kubernetesLibraries() throws {
        #expect(try eval("quantity('1').compareTo(quantity('100m')) > 0") == .bool(true))
        #expect(try eval("quantity('128Mi').isLessThan(quantity('1Gi')) && quantity('2').isGreaterThan(quantity('1500m'))") == .bool(true))
        #expect(try eval("quantity('1k').asInteger() == 1000 && isQuantity('1Gi') && !isQuantity('abc')") == .bool(true))
        #expect(error("quantity('abc').sign() == 1")?.hasPrefix("quantities must match") == true)
        #expect(try eval("isCIDR('10.0.0.0/16') && !isCIDR('not-a-cidr') && !isCIDR('10.0.0.0/33') && isCIDR('fd00::/8')") == .bool(true))
        #expect(try eval("cidr('10.0.0.0/16').containsIP('10.0.3.4') && !cidr('10.0.0.0/16').containsIP(ip('10.1.0.1'))") == .bool(true))
        #expect(try eval("cidr('10.1.2.3/16').masked() == cidr('10.1.0.0/16') && cidr('10.0.0.0/8').prefixLength() == 8") == .bool(true))
        #expect(try eval("isIP('::1') && ip('::1').family() == 6 && ip('127.0.0.1').isLoopback() && !isIP('01.2.3.4')") == .bool(true))
        #expect(try eval("string(ip('2001:db8:0:0:0:0:0:1')) == '2001:db8::1'") == .bool(true))
        #expect(try eval("[3, 1, 2].max() == 3 && [1, 2].isSorted() && [1, 2, 3].sum() == 6") == .bool(true))
    }

    @Test func valuesFollowTheSchema() throws {
        let schema: JSONValue = ["type": "object", "properties": ["ratio": ["type": "number"], "n": ["type": "integer"]]]
        #expect(try eval("self.ratio == 1.0 && type(self.ratio) == double", ["ratio": 1, "n": 2], schema: schema) == .bool(true))
        #expect(try eval("self == oldSelf", "one", old: "one", schema: ["type": "string"]) == .bool(true))
    }
}
