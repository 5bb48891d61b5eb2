import CEL
import Foundation
import KubeModel

/// Evaluating a bound policy's CEL expressions over one request (`object`, `oldObject`,
/// `request`, `namespaceObject`, `params`).
extension AdmissionPolicy {
    /// Why a request failed the policy: a validation that was false, or an expression that
    /// could not be evaluated under failurePolicy Fail.
    struct Failure: Sendable {
        var message: String
        var reason: String
    }

    /// The first failure, nil when the policy does not apply (a match condition is false) or
    /// every validation holds.
    func failure(_ request: [String: JSONValue?]) -> Failure? {
        var variables = request
        variables["variables"] = .object(composed(request))
        switch AdmissionCEL.match(matchConditions, variables, failOnError: failOnError) {
        case .matches: break
        case .excluded: return nil
        case .failed(let message): return Failure(message: message, reason: "Invalid")
        }
        for validation in validations {
            switch AdmissionCEL.run(validation.expression, variables) {
            case .success(.bool(true)):
                continue
            case .success(.bool(false)):
                return Failure(message: message(of: validation, variables), reason: validation.reason)
            case .success(let other):
                guard failOnError else { continue }
                return Failure(message: AdmissionCEL.resultError(validation.expression, "no such overload: expected bool, got \(other.typeName)"),
                               reason: "Invalid")
            case .failure(let error):
                guard failOnError else { continue }
                return Failure(message: AdmissionCEL.resultError(validation.expression, error.description), reason: "Invalid")
            }
        }
        return nil
    }

    /// `variables`: each one's value, evaluated in order (later ones may read earlier ones); one
    /// that fails to evaluate is left out, so expressions reading it fail in turn.
    private func composed(_ request: [String: JSONValue?]) -> JSONObject {
        var values = JSONObject()
        for variable in variables {
            var scope = request
            scope["variables"] = .object(values)
            if case .success(let value) = AdmissionCEL.run(variable.expression, scope), let json = value.json {
                values[variable.name] = json
            }
        }
        return values
    }

    /// The message of a failed validation: its messageExpression's non-empty string, else its
    /// message, else the expression that failed.
    private func message(of validation: Validation, _ variables: [String: JSONValue?]) -> String {
        if let source = validation.messageExpression, !source.isEmpty,
           case .success(.string(let text)) = AdmissionCEL.run(source, variables, kind: .messageExpression),
           !text.trimmingCharacters(in: .whitespaces).isEmpty, !text.contains("\n") {
            return text
        }
        if let message = validation.message, !message.isEmpty { return message }
        return "failed expression: \(validation.expression)"
    }
}
