import KubeModel
import ShipshapeAPI

/// A declared waiver of rules: from a Microservice's `spec.checklist.exemptions`, or from the
/// `shipshape.dev/exempt` / `shipshape.dev/exempt-reason` annotations.
struct ExemptionClaim: Sendable, Hashable {
    static let annotation = "shipshape.dev/exempt"
    static let reasonAnnotation = "shipshape.dev/exempt-reason"

    let rules: [String]
    /// nil or blank: the claim is not honoured (and `exemption-reason` fails).
    let reason: String?
    /// Where the claim is written, for messages and lines.
    let path: FieldPath

    var hasReason: Bool { !(reason ?? "").allSatisfy(\.isWhitespace) }

    /// Claims in the annotations of the object's metadata and of its pod template.
    static func annotated(in workload: Workload) -> [ExemptionClaim] {
        var metadataPaths = [FieldPath.root.key("metadata")]
        if !workload.templatePath.isRoot { metadataPaths.append(workload.templatePath.key("metadata")) }
        return metadataPaths.compactMap { metadata in
            let annotationsPath = metadata.key("annotations")
            let annotations = workload.value[annotationsPath]?.stringMap ?? [:]
            guard let list = annotations[annotation] else { return nil }
            let rules = list.split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
            return ExemptionClaim(rules: rules, reason: annotations[reasonAnnotation], path: annotationsPath.key(annotation))
        }
    }

    /// Claims in a Microservice's `spec.checklist.exemptions`.
    static func declared(in microservice: Microservice) -> [ExemptionClaim] {
        let list = FieldPath.root.key("spec").key("checklist").key("exemptions")
        return (microservice.spec.checklist?.exemptions ?? []).enumerated().map { index, exemption in
            ExemptionClaim(rules: [exemption.rule], reason: exemption.reason, path: list.index(index, name: exemption.rule))
        }
    }
}

extension [ExemptionClaim] {
    /// The reason `rule` is waived, if a claim with a reason names it (meta rules cannot be waived).
    func reason(for rule: Rule) -> String? {
        guard rule.category != .meta else { return nil }
        return first { $0.hasReason && $0.rules.contains(rule.id) }?.reason
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
