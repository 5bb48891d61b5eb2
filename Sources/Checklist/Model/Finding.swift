import KubeModel

/// One failed rule on one field of one object.
public struct Finding: Sendable, Hashable {
    /// Whether the finding counts, or is waived by an exemption.
    public enum Status: Sendable, Hashable {
        case failed
        case exempted(reason: String)
    }

    public var rule: String
    public var severity: Severity
    public var status: Status
    /// The object judged.
    public var object: ObjectRef
    /// The object `path` points into when it is not `object` itself (the HPA or PDB at fault).
    public var relatedObject: ObjectRef?
    /// The field at fault, relative to `relatedObject ?? object`.
    public var path: FieldPath
    /// What is wrong, naming the field: `spec.template.spec.containers[api].resources.requests.cpu is not set`.
    public var message: String
    public var remediation: String

    /// The message prefixed with the object: `Deployment shop/orders: spec.replicas is 1`.
    public var description: String { "\(object): \(message)" }

    /// The object whose source holds `path`.
    public var pathObject: ObjectRef { relatedObject ?? object }

    public var isExempted: Bool {
        if case .exempted = status { return true }
        return false
    }
}
