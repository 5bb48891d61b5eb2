import KubeModel

/// Leases (`pkg/apis/coordination/validation`).
extension Validation {
    static func lease(_ object: JSONValue) -> FieldErrors {
        var errors = FieldErrors()
        let path = FieldPath().key("spec")
        let spec = object["spec"]
        if let seconds = spec?["leaseDurationSeconds"]?.intValue, seconds <= 0 {
            errors.invalid(path.key("leaseDurationSeconds"), .integer(seconds), "must be greater than 0")
        }
        if let transitions = spec?["leaseTransitions"]?.intValue, transitions < 0 {
            errors.invalid(path.key("leaseTransitions"), .integer(transitions), "must be greater than or equal to 0")
        }
        return errors
    }
}
