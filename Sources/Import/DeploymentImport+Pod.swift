import KubeModel
import ShipshapeAPI

extension DeploymentImport {
    /// Pod fields handled by other mappings; every other field set is reported.
    private static let mappedPodFields: Set<String> = [
        "containers", "volumes", "securityContext", "serviceAccountName", "serviceAccount", "automountServiceAccountToken",
        "terminationGracePeriodSeconds", "imagePullSecrets", "topologySpreadConstraints", "initContainers",
    ]

    /// Sidecars, init containers, pod fields a Microservice has no word for (affinity,
    /// tolerations, ...) and the Prometheus scrape annotations (as `observability.metrics`).
    mutating func importPodFields() {
        let containers = pod["containers"]?.arrayValue ?? []
        for (index, other) in containers.enumerated() where index != main.index {
            let otherName = other["name"]?.stringValue ?? "#\(index)"
            let kind = MainContainer.knownSidecars.contains(otherName) ? "a well-known sidecar" : "a second container"
            templateNote(PodTemplateView.containerPath(otherName), "\(kind), not expressed: only \(main.name) (\(main.reason)) is imported; "
                + "--container picks another")
        }
        for (index, initContainer) in (pod["initContainers"]?.arrayValue ?? []).enumerated() {
            templateNote("spec.initContainers[\(initContainer["name"]?.stringValue ?? "#\(index)")]", "init containers are not expressed")
        }
        for (field, value) in pod.objectValue ?? JSONObject() where !Self.mappedPodFields.contains(field) {
            if PodTemplateView.isAPIDefault(path: "spec.\(field)", value: value, image: "") { continue }
            if field == "enableServiceLinks" {
                templateNote("spec.enableServiceLinks", "service links are off in Shipshape's pods (callers use DNS)")
            } else {
                templateNote("spec.\(field)", "is not expressed by a Microservice")
            }
        }
        importMetricsAnnotations()
    }

    private mutating func importMetricsAnnotations() {
        let annotations = template["metadata"]?["annotations"]
        guard annotations?["prometheus.io/scrape"]?.stringValue == "true" else {
            for key in ["prometheus.io/scrape", "prometheus.io/port", "prometheus.io/path"] where annotations?[key] != nil {
                templateNote("metadata.annotations[\(key)]", "Prometheus annotations without scrape: \"true\" are not expressed")
            }
            return
        }
        let portNumber = annotations?["prometheus.io/port"]?.stringValue.flatMap { Int($0) }
        let ports = spec.ports ?? []
        guard let port = portNumber.flatMap({ number in ports.first { $0.port == number } }) ?? (portNumber == nil ? ports.first : nil) else {
            templateNote("metadata.annotations[prometheus.io/port]", "scrapes a port the main container does not declare; not expressed")
            return
        }
        let path = annotations?["prometheus.io/path"]?.stringValue
        spec.observability = Observability(metrics: MetricsEndpoint(port: port.name, path: path == Defaults.metricsPath ? nil : path))
        templateNote("metadata.annotations[prometheus.io/port]", "Shipshape writes the port of \(port.name) explicitly", onlyIfChanged: true)
    }
}
