/// The Kubernetes lists library: `isSorted`, `sum`, `min`, `max`, `indexOf`, `lastIndexOf`.
enum Lists {
    static func call(_ name: String, target: CELValue?, arguments: [CELValue]) throws(CELEvaluationError) -> CELValue? {
        guard case .list(let items)? = target else { return nil }
        switch (name, arguments.count) {
        case ("isSorted", 0):
            for (a, b) in zip(items, items.dropFirst()) {
                guard let order = Operators.compare(a, b) else { throw CELEvaluationError("isSorted: elements are not comparable") }
                if order > 0 { return .bool(false) }
            }
            return .bool(true)
        case ("sum", 0):
            guard var total = items.first else { return .int(0) }
            for item in items.dropFirst() { total = try Operators.binary("+", total, item) }
            return total
        case ("min", 0), ("max", 0):
            guard var best = items.first else { throw CELEvaluationError("\(name) called on an empty list") }
            for item in items.dropFirst() {
                guard let order = Operators.compare(item, best) else { throw CELEvaluationError("\(name): elements are not comparable") }
                if name == "min" ? order < 0 : order > 0 { best = item }
            }
            return best
        case ("indexOf", 1):
            return .int(Int64(items.firstIndex { Operators.equal($0, arguments[0]) } ?? -1))
        case ("lastIndexOf", 1):
            return .int(Int64(items.lastIndex { Operators.equal($0, arguments[0]) } ?? -1))
        default: return nil
        }
    }
}
