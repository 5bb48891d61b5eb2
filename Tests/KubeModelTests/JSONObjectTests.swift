import Testing
@testable import KubeModel

@Suite struct JSONObjectTests {
    /// Small objects scan their members, large ones (over 16 keys) keep an index: both must
    /// keep first-set order, replace in place and remove cleanly.
    @Test(arguments: [3, 40])
    func keepsOrderThroughSetsReplacementsAndRemovals(_ size: Int) {
        var object = JSONObject()
        for number in (0..<size).reversed() { object["k\(number)"] = .integer(number) }
        #expect(object.keys == (0..<size).reversed().map { "k\($0)" })
        object["k1"] = "replaced"
        #expect(object["k1"] == "replaced")
        #expect(object.keys.count == size)
        object["k0"] = nil
        object["k0"] = nil
        #expect(object["k0"] == nil)
        #expect(object.count == size - 1)
        object["new"] = true
        #expect(object.keys.last == "new")
        #expect(object.keys.dropLast() == (1..<size).reversed().map { "k\($0)" })
        for number in 1..<size { #expect(object["k\(number)"] == (number == 1 ? "replaced" : .integer(number))) }
    }

    @Test(arguments: [4, 30])
    func equalityAndHashIgnoreOrder(_ size: Int) {
        let pairs = (0..<size).map { ("key\($0)", JSONValue.integer($0)) }
        let forward = JSONObject(pairs), backward = JSONObject(pairs.reversed())
        #expect(forward.keys != backward.keys)
        #expect(forward == backward)
        #expect(forward.hashValue == backward.hashValue)
        var different = backward
        different["key0"] = "other"
        #expect(forward != different)
        var missing = forward
        missing["key1"] = nil
        missing["extra"] = 1
        #expect(forward != missing)
        #expect(Set([JSONValue.object(forward), .object(backward), .object(different)]).count == 2)
    }

    @Test func repeatedKeyKeepsFirstPositionAndLastValue() {
        let object = JSONObject([("a", 1), ("b", 2), ("a", 3)])
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == 3)
        #expect(Array(object.map(\.key)) == ["a", "b"])
    }
}
