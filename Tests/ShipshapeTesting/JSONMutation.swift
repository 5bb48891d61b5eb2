import KubeModel

/// Structural damage for fuzz tests that keeps JSON valid JSON: one node somewhere is replaced
/// (by `replacement`) or, in an object, removed.
public enum JSONMutation {
    public static func mutate(_ value: JSONValue, _ random: inout SeededRandom, depth: Int = 0,
                              replacement: (inout SeededRandom, _ depth: Int) -> JSONValue) -> JSONValue {
        if depth > 0 && Int.random(in: 0..<4, using: &random) == 0 { return replacement(&random, depth) }
        switch value {
        case .object(var object) where !object.isEmpty:
            let key = object.keys[Int.random(in: 0..<object.count, using: &random)]
            if Int.random(in: 0..<5, using: &random) == 0 {
                object[key] = nil
            } else if let child = object[key] {
                object[key] = mutate(child, &random, depth: depth + 1, replacement: replacement)
            }
            return .object(object)
        case .array(var array) where !array.isEmpty:
            let index = Int.random(in: 0..<array.count, using: &random)
            array[index] = mutate(array[index], &random, depth: depth + 1, replacement: replacement)
            return .array(array)
        default:
            return replacement(&random, depth)
        }
    }
}
