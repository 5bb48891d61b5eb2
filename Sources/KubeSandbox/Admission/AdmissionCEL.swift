import CEL
import KubeModel

/// CEL in admission: expressions over a request (`object`, `oldObject`, `request`, and for
/// policies `namespaceObject`, `params`, `variables`), and the matchConditions that decide
/// whether a webhook is called or a policy applies.
enum AdmissionCEL {
    /// What a request's matchConditions decide.
    enum Match: Equatable {
        case matches
        /// A condition is false, or one failed to evaluate under failurePolicy Ignore.
        case excluded
        /// A condition failed to evaluate under failurePolicy Fail (and none is false).
        case failed(String)
    }

    /// Any false condition excludes the request; otherwise evaluation errors fail it (policy
    /// Fail) or exclude it (Ignore); otherwise it matches.
    static func match(_ conditions: [(name: String, expression: String)], _ variables: [String: JSONValue?],
                      failOnError: Bool) -> Match {
        var errors: [String] = []
        for condition in conditions {
            switch run(condition.expression, variables) {
            case .success(.bool(true)): continue
            case .success(.bool(false)): return .excluded
            case .success(let other): errors.append(resultError(condition.expression, "no such overload: expected bool, got \(other.typeName)"))
            case .failure(let error): errors.append(resultError(condition.expression, error.description))
            }
        }
        guard !errors.isEmpty else { return .matches }
        guard failOnError else { return .excluded }
        return .failed(errors.count == 1 ? errors[0] : "[" + errors.joined(separator: ", ") + "]")
    }

    /// `expression '...' resulted in error: ...`, as the API server reports an evaluation error.
    static func resultError(_ expression: String, _ detail: String) -> String {
        "expression '\(expression)' resulted in error: \(detail)"
    }

    /// Compiles `source` over the variables' names (typed dyn) and evaluates it.
    static func run(_ source: String, _ variables: [String: JSONValue?], kind: CELProgram.Kind = .rule) -> Result<CELValue, Failure> {
        do {
            let program = try CELProgram.compile(source, variables: variables.mapValues { _ in nil }, kind: kind)
            return .success(try program.evaluate(variables: variables))
        } catch let error as CELCompileError {
            return .failure(Failure(description: "compilation failed: \(error)"))
        } catch {
            return .failure(Failure(description: "\(error)"))
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The variables every admission expression sees.
    static func variables(_ attributes: AdmissionAttributes, object: JSONValue?, oldObject: JSONValue?) -> [String: JSONValue?] {
        ["object": object, "oldObject": oldObject,
         "request": WebhookCaller.review(uid: "", attributes, object: object, oldObject: oldObject)["request"]]
    }
}
