import KubeModel

extension DeleteRequest {
    /// The 422 a DeleteOptions gets for an unknown propagationPolicy, or for one given together
    /// with orphanDependents.
    static func invalidPropagation(_ policy: String?, orphanDependents: Bool?) -> APIStatus? {
        guard let policy else { return nil }
        let cause: APIStatus.Cause
        if Propagation(rawValue: policy) == nil {
            cause = .init(reason: "FieldValueNotSupported",
                          message: "Unsupported value: \"\(policy)\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"",
                          field: "propagationPolicy")
        } else if orphanDependents != nil {
            cause = .init(reason: "FieldValueInvalid",
                          message: "Invalid value: \"\(policy)\": orphanDependents and deletionPropagation cannot be both set",
                          field: "propagationPolicy")
        } else {
            return nil
        }
        return APIStatus(code: 422, reason: "Invalid", message: "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: \(cause.message)",
                         group: "meta.k8s.io", kind: "DeleteOptions", causes: [cause])
    }
}
