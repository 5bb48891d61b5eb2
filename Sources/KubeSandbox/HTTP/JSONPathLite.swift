import KubeModel

/// The JSONPath forms printer columns use: `.a.b`, `[2]`, `[*]` and `[?(@.key=="value")]`.
struct JSONPathLite {
    enum Step: Equatable {
        case key(String)
        case index(Int)
        case all
        case filter(key: String, equals: String)
    }

    let steps: [Step]

    init(_ text: String) {
        var steps: [Step] = []
        var rest = Substring(text.hasPrefix("{") && text.hasSuffix("}") ? String(text.dropFirst().dropLast()) : text)
        while !rest.isEmpty {
            if rest.hasPrefix(".") {
                rest = rest.dropFirst()
                let name = rest.prefix { $0 != "." && $0 != "[" }
                if !name.isEmpty { steps.append(.key(String(name))) }
                rest = rest.dropFirst(name.count)
            } else if rest.hasPrefix("["), let close = Self.closingBracket(in: rest) {
                let inner = rest[rest.index(after: rest.startIndex)..<close]
                steps.append(Self.bracket(inner))
                rest = rest[rest.index(after: close)...]
            } else {
                let name = rest.prefix { $0 != "." && $0 != "[" }
                steps.append(.key(String(name)))
                rest = rest.dropFirst(max(name.count, 1))
            }
        }
        self.steps = steps
    }

    func evaluate(on value: JSONValue) -> [JSONValue] {
        var current = [value]
        for step in steps {
            current = current.flatMap { value -> [JSONValue] in
                switch step {
                case .key(let key): return value[key].map { [$0] } ?? []
                case .index(let index):
                    guard let array = value.arrayValue, array.indices.contains(index) else { return [] }
                    return [array[index]]
                case .all: return value.arrayValue ?? value.objectValue.map { $0.map(\.value) } ?? []
                case .filter(let key, let expected):
                    return (value.arrayValue ?? []).filter { element in
                        guard let actual = element[key] else { return false }
                        return (actual.stringValue ?? actual.jsonText()) == expected
                    }
                }
            }
        }
        return current
    }

    private static func closingBracket(in text: Substring) -> Substring.Index? {
        var depth = 0
        for index in text.indices {
            if text[index] == "[" { depth += 1 }
            if text[index] == "]" { depth -= 1; if depth == 0 { return index } }
        }
        return nil
    }

    private static func bracket(_ inner: Substring) -> Step {
        if inner == "*" { return .all }
        if let index = Int(inner) { return .index(index) }
        // ?(@.key=="value") or ?(@.key=='value')
        guard inner.hasPrefix("?(@."), inner.hasSuffix(")"), let equals = inner.firstRange(of: "==") else { return .all }
        let key = inner[inner.index(inner.startIndex, offsetBy: 4)..<equals.lowerBound]
        var expected = inner[equals.upperBound..<inner.index(before: inner.endIndex)]
        if let first = expected.first, first == "\"" || first == "'", expected.count >= 2 { expected = expected.dropFirst().dropLast() }
        return .filter(key: String(key), equals: String(expected))
    }
}
