import KubeModel

extension Inventory {
    /// The mesh-wide PeerAuthentications live in Istio's root namespace.
    static let meshRootNamespace = "istio-system"

    /// Whether the input holds any object of `kind`, in any namespace.
    func contains(_ kind: String) -> Bool { kinds.contains(kind) }

    /// The workload's `app.kubernetes.io/name` (pod template first, then its own labels).
    static func appName(of workload: Workload) -> String? {
        let name = workload.podLabels["app.kubernetes.io/name"] ?? workload.value["metadata"]?["labels"]?["app.kubernetes.io/name"]?.stringValue
        return name.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// PrometheusRules in the workload's namespace labelled with its `app.kubernetes.io/name`
    /// (as Shipshape renders them).
    func prometheusRules(naming workload: Workload) -> [ContextObject] {
        guard let name = Self.appName(of: workload) else { return [] }
        return objects("PrometheusRule", near: workload).filter {
            $0.value["metadata"]?["labels"]?["app.kubernetes.io/name"]?.stringValue == name
        }
    }

    /// ServiceMonitors in the workload's namespace that select a Service selecting it, and
    /// PodMonitors selecting its pods.
    func monitors(scraping workload: Workload) -> [ContextObject] {
        let services = services(selecting: workload)
        let serviceMonitors = objects("ServiceMonitor", near: workload).filter { monitor in
            guard let selector = monitor.spec["selector"].flatMap(LabelSelector.init) else { return false }
            return services.contains { selector.matches($0.value["metadata"]?["labels"]?.stringMap ?? [:]) }
        }
        return serviceMonitors + objects("PodMonitor", near: workload).filter { $0.selects(workload) }
    }

    /// The PeerAuthentication that decides the workload's mTLS mode, as Istio picks it: one
    /// selecting its pods, else its namespace's without a selector, else the mesh-wide one (in
    /// the root namespace, without a selector). A policy whose mode is UNSET defers to the next.
    func peerAuthentication(for workload: Workload) -> ContextObject? {
        let namespaced = objects("PeerAuthentication", near: workload)
        let candidates = namespaced.filter { $0.spec["selector"] != nil && $0.selects(workload) }
            + namespaced.filter { $0.spec["selector"] == nil }
            + objects("PeerAuthentication", in: Self.meshRootNamespace).filter { $0.spec["selector"] == nil }
        return candidates.first { ($0.spec["mtls"]?["mode"]?.stringValue ?? "UNSET") != "UNSET" }
    }
}
