import KubeModel
import ShipshapeAPI

extension RuleDefinition {
    static let sloDefined = RuleDefinition(
        rule: Rule(
            id: "slo-defined", category: .observability, defaultSeverity: .warning,
            title: "Serving workloads have a service level objective, with its error budget watched",
            remediation: "Set spec.slo (an availability and/or latency objective) in the Microservice; for other workloads, a PrometheusRule in their namespace labelled with their app.kubernetes.io/name.",
            pss: nil,
            failingExample: "spec:\n  image: shop/orders:1.8.2",
            passingExample: "spec:\n  image: shop/orders:1.8.2\n  slo:\n    availability: { objective: 99.9, window: 30d }"),
        // Judged where the input shows the Prometheus Operator in use (it holds PrometheusRules):
        // elsewhere no object could satisfy the rule.
        workload: { subject in
            let workload = subject.workload
            guard workload.kind.isLongRunning, subject.inventory.contains("PrometheusRule") else { return .notApplicable }
            guard let name = Inventory.appName(of: workload) else {
                return .fail(Violation(workload.podLabelsPath, "lack app.kubernetes.io/name, so no PrometheusRule names the workload"))
            }
            return subject.inventory.prometheusRules(naming: workload).isEmpty
                ? .fail(Violation(workload.podLabelsPath, "name it \(name), and no PrometheusRule in its namespace carries app.kubernetes.io/name: \(name)"))
                : .pass
        },
        microservice: { subject in
            let slo = subject.spec.slo
            if slo?.availability != nil || slo?.latency != nil { return .pass }
            return .fail(Violation(MicroserviceSubject.spec.key("slo"), slo == nil ? "is not set" : "sets neither an availability nor a latency objective"))
        })

    static let alertsConfigured = RuleDefinition(
        rule: Rule(
            id: "alerts-configured", category: .observability, defaultSeverity: .warning,
            title: "Declared metrics are scraped, and SLO rules alert (not only record)",
            remediation: "Scrape a port named metrics: spec.observability.metrics in a Microservice; otherwise a ServiceMonitor or PodMonitor selecting the workload, or prometheus.io/scrape: \"true\". Give a workload's PrometheusRule alerting rules (Shipshape renders multi-window burn-rate alerts for every SLO).",
            pss: nil,
            failingExample: "ports:\n  - { name: metrics, containerPort: 9090 }   # and nothing scrapes it",
            passingExample: "metadata:\n  annotations: { prometheus.io/scrape: \"true\", prometheus.io/port: \"9090\" }\nports:\n  - { name: metrics, containerPort: 9090 }"),
        workload: { subject in
            let workload = subject.workload
            guard workload.kind.isLongRunning else { return .notApplicable }
            var violations: [Violation] = []
            for rule in subject.inventory.prometheusRules(naming: workload) {
                let rules = (rule.spec["groups"]?.elements ?? []).flatMap { $0["rules"]?.elements ?? [] }
                if !rules.contains(where: { $0["alert"]?.stringValue != nil }) {
                    violations.append(Violation(FieldPath.root.key("spec").key("groups"), "record series but alert on none", in: rule.ref))
                }
            }
            let metricsPorts = workload.containers([.regular]).flatMap { container in
                container.portNames.filter(isMetricsPortName).map { "\(container.name)/\($0)" }
            }
            let annotations = workload.templatePath.key("metadata").key("annotations")
            if !metricsPorts.isEmpty {
                let scraped = [annotations, FieldPath.root.key("metadata").key("annotations")].contains {
                    workload.value[$0]?["prometheus.io/scrape"].isTrue ?? false
                } || subject.inventory.services(selecting: workload).contains {
                    $0.value["metadata"]?["annotations"]?["prometheus.io/scrape"].isTrue ?? false
                } || !subject.inventory.monitors(scraping: workload).isEmpty
                if !scraped {
                    violations.append(Violation(annotations, "have no prometheus.io/scrape and no ServiceMonitor or PodMonitor selects the pods, "
                        + "although they declare \(metricsPorts.sorted().joined(separator: ", "))"))
                }
            } else if violations.isEmpty, subject.inventory.prometheusRules(naming: workload).isEmpty {
                return .notApplicable
            }
            return violations.isEmpty ? .pass : .fail(violations)
        },
        microservice: { subject in
            let spec = subject.spec
            let metricsPorts = (spec.ports ?? []).map(\.name).filter(isMetricsPortName)
            guard spec.observability?.metrics == nil, let port = metricsPorts.first else {
                return spec.slo == nil && metricsPorts.isEmpty ? .notApplicable : .pass
            }
            return .fail(Violation(MicroserviceSubject.spec.key("observability").key("metrics"), "is not set, so nothing scrapes port \(port)"))
        })
}
