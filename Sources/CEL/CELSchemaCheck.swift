import Foundation
import KubeModel

/// One problem with the CEL rules of a CRD's schema, as a `Status` cause.
public struct CELSchemaIssue: Sendable, Hashable, CustomStringConvertible {
    /// The field path, such as `spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule`.
    public var field: String
    /// `FieldValueInvalid` (does not compile) or `FieldValueForbidden` (too expensive).
    public var reason: String
    /// The cause message (`Invalid value: ...`, `Forbidden: ...`).
    public var message: String

    public var description: String { "\(field): \(message)" }
}

/// Compiles every `x-kubernetes-validations` rule and message expression of a structural
/// schema the way the API server does when a CRD is written: compile errors, a rule that is
/// not a bool, a message expression that is not a string, and the estimated cost of each rule
/// (times how often its node can occur) against the per-rule and per-schema budgets.
public enum CELSchemaCheck {
    /// The largest estimated cost of one rule over all the nodes it applies to.
    public static let ruleCostLimit = 10_000_000.0
    /// The largest estimated cost of all the rules of one schema.
    public static let schemaCostLimit = 100_000_000.0

    /// The issues of `schema` (a CRD version's `openAPIV3Schema`), with fields under `path`
    /// (the API server reports `spec.validation.openAPIV3Schema`).
    public static func issues(openAPIV3Schema schema: JSONValue, at path: String) -> [CELSchemaIssue] {
        var walk = Walk()
        walk.visit(schema, path: path, cardinality: 1, root: true)
        var issues = walk.issues
        let total = walk.costs.reduce(0) { $0 + $1.cost }
        if total > schemaCostLimit {
            // The (at most four) most expensive rules; those under 1% of the budget are not named.
            let named = walk.costs.filter { $0.cost >= schemaCostLimit / 100 }.sorted { $0.cost > $1.cost }.prefix(4)
            for expensive in named {
                issues.append(CELSchemaIssue(field: expensive.field, reason: "FieldValueForbidden",
                                             message: "Forbidden: contributed to estimated rule cost total exceeding cost limit for entire OpenAPIv3 schema"))
            }
            issues.append(CELSchemaIssue(field: path, reason: "FieldValueForbidden",
                                         message: "Forbidden: " + costMessage("x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema", total, schemaCostLimit)))
        }
        return issues
    }

    /// The compile errors of one expression with `self` typed by `selfSchema`: empty when it
    /// compiles to the type its kind requires. Messages are the API server's detail text.
    public static func compileErrors(_ source: String, selfSchema: JSONValue?, kind: CELProgram.Kind) -> [String] {
        do {
            let program = try CELProgram.compile(source, selfSchema: selfSchema, kind: kind)
            if !program.hasExpectedResultType {
                return [kind == .rule ? "cel expression must evaluate to a bool" : "messageExpression must evaluate to a string"]
            }
            return []
        } catch {
            return ["\(kind == .rule ? "" : "messageExpression ")compilation failed: \(error)"]
        }
    }

    /// Whether a rule's `fieldPath` (`.spec.replicas`, `['a.b']`, `.list[0]` into an atomic list)
    /// names a field `schema` declares.
    public static func isValidFieldPath(_ text: String, in schema: JSONValue) -> Bool {
        var rest = Substring(text)
        var node = schema
        guard rest.first == "." || rest.first == "[" else { return false }
        while let first = rest.first {
            let name: String
            if first == "." {
                rest = rest.dropFirst()
                let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                name = String(rest[..<end])
                rest = rest[end...]
            } else if rest.hasPrefix("['"), let close = rest.range(of: "']") {
                name = String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound])
                rest = rest[close.upperBound...]
            } else if first == "[", let close = rest.firstIndex(of: "]"), Int(rest[rest.index(after: rest.startIndex)..<close]) != nil {
                let listType = node["x-kubernetes-list-type"]?.stringValue ?? "atomic"
                guard node["type"]?.stringValue == "array", listType == "atomic", let items = node["items"] else { return false }
                node = items
                rest = rest[rest.index(after: close)...]
                continue
            } else {
                return false
            }
            guard !name.isEmpty else { return false }
            if let property = node["properties"]?[name] {
                node = property
            } else if let additional = node["additionalProperties"], additional.objectValue != nil {
                node = additional
            } else {
                return false
            }
        }
        return true
    }

    static func costMessage(_ what: String, _ cost: Double, _ limit: Double) -> String {
        let factor = cost / limit
        let text = factor > 100 ? "more than 100x" : (factor > 10 ? "more than 10x" : String(format: "%.1fx", factor))
        return "\(what) exceeds budget by factor of \(text) (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)"
    }

    private struct Walk {
        var issues: [CELSchemaIssue] = []
        var costs: [(field: String, cost: Double)] = []

        mutating func visit(_ schema: JSONValue, path: String, cardinality: Double, root: Bool) {
            guard let object = schema.objectValue else { return }
            let selfSchema = root ? CELSchema.resourceRoot(schema) : schema
            for (index, rule) in (object["x-kubernetes-validations"]?.arrayValue ?? []).enumerated() {
                let rulePath = "\(path).x-kubernetes-validations[\(index)]"
                check(rule, selfSchema: selfSchema, path: rulePath, cardinality: cardinality)
            }
            for (name, property) in object["properties"]?.objectValue ?? JSONObject() {
                visit(property, path: "\(path).properties[\(name)]", cardinality: cardinality, root: false)
            }
            if let items = object["items"], items.objectValue != nil {
                visit(items, path: "\(path).items", cardinality: cardinality * CELSchema.maxSize(of: schema), root: false)
            }
            if let additional = object["additionalProperties"], additional.objectValue != nil {
                visit(additional, path: "\(path).additionalProperties", cardinality: cardinality * CELSchema.maxSize(of: schema), root: false)
            }
        }

        private mutating func check(_ rule: JSONValue, selfSchema: JSONValue, path: String, cardinality: Double) {
            let source = rule["rule"]?.stringValue ?? ""
            let value = Self.goJSON(rule)
            do {
                let program = try CELProgram.compile(source, selfSchema: selfSchema, kind: .rule,
                                                     optionalOldSelf: rule["optionalOldSelf"]?.boolValue == true)
                if !program.hasExpectedResultType {
                    invalid("\(path).rule", "Invalid value: \(value): cel expression must evaluate to a bool")
                }
                let cost = program.estimatedCost * cardinality
                if cost > CELSchemaCheck.ruleCostLimit {
                    issues.append(CELSchemaIssue(field: "\(path).rule", reason: "FieldValueForbidden",
                                                 message: "Forbidden: " + CELSchemaCheck.costMessage("estimated rule cost", cost, CELSchemaCheck.ruleCostLimit)))
                }
                costs.append(("\(path).rule", cost))
            } catch {
                invalid("\(path).rule", "Invalid value: \(value): compilation failed: \(error)")
            }
            if let expression = rule["messageExpression"]?.stringValue, !expression.isEmpty {
                for detail in CELSchemaCheck.compileErrors(expression, selfSchema: selfSchema, kind: .messageExpression) {
                    invalid("\(path).messageExpression", "Invalid value: \(value): \(detail)")
                }
            }
        }

        private mutating func invalid(_ field: String, _ message: String) {
            issues.append(CELSchemaIssue(field: field, reason: "FieldValueInvalid", message: message))
        }

        /// The rule as the API server prints it in messages: Go's JSON of its internal struct.
        static func goJSON(_ rule: JSONValue) -> String {
            func text(_ key: String) -> String {
                JSONValue.string(rule[key]?.stringValue ?? "").jsonText()
                    .replacingOccurrences(of: "<", with: "\\u003c")
                    .replacingOccurrences(of: ">", with: "\\u003e")
                    .replacingOccurrences(of: "&", with: "\\u0026")
            }
            let reason = rule["reason"]?.stringValue.map { JSONValue.string($0).jsonText() } ?? "null"
            let optional = rule["optionalOldSelf"]?.boolValue.map { $0 ? "true" : "false" } ?? "null"
            return "{\"Rule\":\(text("rule")),\"Message\":\(text("message")),\"MessageExpression\":\(text("messageExpression")),\"Reason\":\(reason),\"FieldPath\":\(text("fieldPath")),\"OptionalOldSelf\":\(optional)}"
        }
    }
}
