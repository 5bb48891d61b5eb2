/// Optional values: `optional.of`, `optional.none`, `hasValue`, `value`, `orValue`, `or`.
enum Optionals {
    static func call(_ name: String, target: CELValue?, arguments: [CELValue]) throws(CELEvaluationError) -> CELValue? {
        switch (name, target, arguments.count) {
        case ("optional.of", nil, 1): return .optional(arguments[0])
        case ("optional.none", nil, 0): return .optional(nil)
        case ("hasValue", .optional(let wrapped)?, 0): return .bool(wrapped != nil)
        case ("value", .optional(let wrapped)?, 0):
            guard let wrapped else { throw CELEvaluationError("optional.none() dereference") }
            return wrapped
        case ("orValue", .optional(let wrapped)?, 1): return wrapped ?? arguments[0]
        case ("or", .optional(let wrapped)?, 1): return wrapped.map { .optional($0) } ?? arguments[0]
        default: return nil
        }
    }
}
