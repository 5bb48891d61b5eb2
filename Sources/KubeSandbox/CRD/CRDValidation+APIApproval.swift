import KubeModel
import KubeSchema

extension CRDValidation {
    static let approvalAnnotation = "api-approved.kubernetes.io"

    /// Groups under k8s.io and kubernetes.io are the project's own: a CRD there must carry the
    /// `api-approved.kubernetes.io` annotation, the URL of its approval or `unapproved...`.
    static func apiApprovalViolations(_ crd: JSONValue) -> [SchemaViolation] {
        let group = crd["spec"]?["group"]?.stringValue ?? ""
        let protected = ["k8s.io", "kubernetes.io"].contains { group == $0 || group.hasSuffix("." + $0) }
        guard protected else { return [] }
        let path = FieldPath(parsing: "metadata.annotations").mapKey(approvalAnnotation)
        guard let value = crd["metadata"]?["annotations"]?[approvalAnnotation]?.stringValue, !value.isEmpty else {
            return [CRDFieldError.required(path, "protected groups must have approval annotation \"\(approvalAnnotation)\", see https://github.com/kubernetes/enhancements/pull/1111")]
        }
        if value.hasPrefix("unapproved") || value.hasPrefix("https://") || value.hasPrefix("http://") { return [] }
        return [CRDFieldError.invalid(path, .string(value), "protected groups must have approval annotation \"\(approvalAnnotation)\" with either a URL or a reason starting with \"unapproved\", see https://github.com/kubernetes/enhancements/pull/1111")]
    }
}
