import KubeModel

/// Which container of a multi-container pod becomes the Microservice; the others are reported
/// as not expressed. The rule, first match wins:
/// 1. the container `--container NAME` names;
/// 2. the only container;
/// 3. the container named like the Deployment, or like its pods' `app.kubernetes.io/name` or `app` label;
/// 4. the only container serving a port that a matched Service targets;
/// 5. the first container that is not a well-known sidecar (mesh proxies, log shippers, SQL proxies).
struct MainContainer {
    let index: Int
    let name: String
    /// Which step of the rule chose it, for the comment block.
    let reason: String

    /// Container names that are sidecars, not the application.
    static let knownSidecars: Set<String> = [
        "istio-proxy", "linkerd-proxy", "envoy", "envoy-sidecar", "cloud-sql-proxy", "cloudsql-proxy", "fluent-bit",
        "fluentd", "filebeat", "vault-agent", "oauth2-proxy", "jaeger-agent", "otel-collector", "datadog-agent",
    ]

    /// The main container, or a message when `requested` names none of them (or there are none).
    static func choose(in deployment: ImportInput, services: [ImportInput], requested: String?) -> Result<MainContainer, ChoiceError> {
        let template = deployment.value["spec"]?["template"]
        let containers = template?["spec"]?["containers"]?.arrayValue ?? []
        let names = containers.enumerated().map { $1["name"]?.stringValue ?? "#\($0)" }
        guard !containers.isEmpty else { return .failure(ChoiceError(message: "has no containers")) }
        func chosen(_ index: Int, _ reason: String) -> Result<MainContainer, ChoiceError> {
            .success(MainContainer(index: index, name: names[index], reason: reason))
        }
        if let requested {
            guard let index = names.firstIndex(of: requested) else {
                return .failure(ChoiceError(message: "has no container \"\(requested)\" (--container); its containers: \(names.joined(separator: ", "))"))
            }
            return chosen(index, "named by --container")
        }
        if containers.count == 1 { return chosen(0, "the only container") }
        let labels = template?["metadata"]?["labels"]
        let appNames = [deployment.name, labels?["app.kubernetes.io/name"]?.stringValue, labels?["app"]?.stringValue].compactMap { $0 }
        if let index = names.firstIndex(where: appNames.contains) { return chosen(index, "named like the application") }
        let serving = containers.indices.filter { index in
            let ports = containers[index]["ports"]?.arrayValue ?? []
            return services.contains { service in
                (service.value["spec"]?["ports"]?.arrayValue ?? []).contains { servicePort in
                    let target = servicePort["targetPort"] ?? servicePort["port"]
                    return ports.contains { $0["containerPort"] == target || ($0["name"] != nil && $0["name"] == target) }
                }
            }
        }
        if serving.count == 1 { return chosen(serving[0], "the only container serving a Service's port") }
        if let index = names.firstIndex(where: { !knownSidecars.contains($0) }) {
            return chosen(index, "the first container that is not a well-known sidecar")
        }
        return chosen(0, "the first container")
    }

    struct ChoiceError: Error {
        let message: String
    }
}
