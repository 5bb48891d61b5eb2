import KubeModel

/// An Istio PeerAuthentication requiring mTLS (STRICT) for the Microservice's pods; the
/// metrics port stays PERMISSIVE so a Prometheus outside the mesh can still scrape it.
enum PeerAuthenticationRendering {
    static func spec(_ context: RenderContext) -> JSONValue {
        var spec: JSONObject = [
            "selector": ["matchLabels": context.selectorLabels],
            "mtls": ["mode": "STRICT"],
        ]
        if let metrics = context.metricsPortNumber {
            spec["portLevelMtls"] = [String(metrics): ["mode": "PERMISSIVE"]]
        }
        return .object(spec)
    }
}

extension RenderContext {
    /// The pod selector as a JSON object, keys sorted.
    var selectorLabels: JSONValue {
        .object(JSONObject(selector.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
    }

    /// The container port number serving metrics, when `observability.metrics` names a declared port.
    var metricsPortNumber: Int? {
        guard let name = spec.observability?.metrics?.port else { return nil }
        return spec.ports?.first { $0.name == name }?.port
    }
}
