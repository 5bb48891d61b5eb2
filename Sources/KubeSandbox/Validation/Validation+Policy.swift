import KubeModel

/// PodDisruptionBudgets (`pkg/apis/policy/validation`).
extension Validation {
    static func podDisruptionBudget(_ object: JSONValue) -> FieldErrors {
        var errors = FieldErrors()
        let path = FieldPath().key("spec")
        let spec = object["spec"]
        let minAvailable = spec?["minAvailable"].flatMap { $0.isNull ? nil : $0 }
        let maxUnavailable = spec?["maxUnavailable"].flatMap { $0.isNull ? nil : $0 }
        if minAvailable != nil && maxUnavailable != nil {
            let shown: JSONValue = ["MinAvailable": minAvailable ?? .null, "Selector": spec?["selector"] ?? .null,
                                    "MaxUnavailable": maxUnavailable ?? .null,
                                    "UnhealthyPodEvictionPolicy": spec?["unhealthyPodEvictionPolicy"] ?? .null]
            errors.invalid(path, shown, "minAvailable and maxUnavailable cannot be both set")
        }
        if let minAvailable { errors.append(intOrPercent(minAvailable, at: path.key("minAvailable"))) }
        if let maxUnavailable { errors.append(intOrPercent(maxUnavailable, at: path.key("maxUnavailable"))) }
        errors.append(labelSelector(spec?["selector"], at: path.key("selector")))
        let policies = ["AlwaysAllow", "IfHealthyBudget"]
        if let policy = spec?["unhealthyPodEvictionPolicy"]?.stringValue, !policies.contains(policy) {
            errors.notSupported(path.key("unhealthyPodEvictionPolicy"), .string(policy), policies)
        }
        return errors
    }

    /// A count (not negative) or a percentage (`0%` to `100%`).
    static func intOrPercent(_ value: JSONValue, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        if let number = value.intValue {
            if number < 0 { errors.invalid(path, value, "must be greater than or equal to 0") }
        } else if let text = value.stringValue {
            let digits = text.dropLast()
            if text.hasSuffix("%"), !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let percent = Int(digits) {
                if percent > 100 { errors.invalid(path, value, "must not be greater than 100%") }
            } else {
                errors.invalid(path, value, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")
            }
        }
        return errors
    }
}
