import KubeModel
import ShipshapeAPI

extension RuleDefinition {
    static let standardLabelKeys = ["app.kubernetes.io/name", "app.kubernetes.io/version"]

    static let metricsExposed = RuleDefinition(
        rule: Rule(
            id: "metrics-exposed", category: .observability, defaultSeverity: .warning,
            title: "Serving pods expose metrics (a port named metrics, or prometheus.io/scrape)",
            remediation: "Name the metrics port `metrics` (or `http-metrics`), or annotate the pod template with prometheus.io/scrape: \"true\" and prometheus.io/port (in a Microservice, spec.observability.metrics).",
            pss: nil,
            failingExample: "ports:\n  - { name: http, containerPort: 8080 }",
            passingExample: "ports:\n  - { name: http, containerPort: 8080 }\n  - { name: metrics, containerPort: 9090 }"),
        workload: { subject in
            let workload = subject.workload
            guard workload.kind.isLongRunning else { return .notApplicable }
            let annotations = workload.templatePath.key("metadata").key("annotations")
            let scraped = [annotations, FieldPath.root.key("metadata").key("annotations")].contains {
                workload.value[$0]?["prometheus.io/scrape"].isTrue ?? false
            }
            let namedPort = workload.containers([.regular]).contains { $0.portNames.contains(where: isMetricsPortName) }
            let service = subject.inventory.services(selecting: workload).contains { service in
                (service.value["metadata"]?["annotations"]?["prometheus.io/scrape"].isTrue ?? false)
                    || (service.spec["ports"]?.elements ?? []).contains { $0["name"]?.stringValue.map(isMetricsPortName) ?? false }
            }
            return scraped || namedPort || service ? .pass
                : .fail(Violation(annotations, "have no prometheus.io/scrape, and no container port is named metrics"))
        },
        microservice: { subject in
            let namedPort = (subject.spec.ports ?? []).contains { isMetricsPortName($0.name) }
            return subject.spec.observability?.metrics != nil || namedPort ? .pass
                : .fail(Violation(MicroserviceSubject.spec.key("observability").key("metrics"), "is not set, and no port is named metrics"))
        })

    static let standardLabels = RuleDefinition(
        rule: Rule(
            id: "standard-labels", category: .observability, defaultSeverity: .warning,
            title: "Workloads carry app.kubernetes.io/name and app.kubernetes.io/version",
            remediation: "Label the workload (or its pod template) with app.kubernetes.io/name and app.kubernetes.io/version, so dashboards and tools can group it.",
            pss: nil,
            failingExample: "metadata:\n  labels: { app: orders }",
            passingExample: "metadata:\n  labels:\n    app.kubernetes.io/name: orders\n    app.kubernetes.io/version: 1.8.2"),
        workload: { subject in
            let workload = subject.workload
            let labels = (workload.value["metadata"]?["labels"]?.stringMap ?? [:]).merging(workload.podLabels) { own, _ in own }
            let missing = standardLabelKeys.filter { (labels[$0] ?? "").isEmpty }
            return missing.isEmpty ? .pass
                : .fail(Violation(FieldPath.root.key("metadata").key("labels"), "lack \(missing.joined(separator: " and "))"))
        },
        microservice: { _ in .pass })  // Render sets the app.kubernetes.io labels

    /// `metrics`, `http-metrics`, or any name ending in `-metrics`.
    static func isMetricsPortName(_ name: String) -> Bool { name == "metrics" || name.hasSuffix("-metrics") }
}
