import ShipshapeAPI

/// The admission endpoints, each with the review it runs.
public enum WebhookRoute: String, Sendable, CaseIterable {
    /// Microservices, judged in their own `spec.checklist.mode` (failurePolicy Fail).
    case microservice = "/validate-microservice"
    /// Workloads in namespaces labelled `shipshape.dev/checklist=enforce`.
    case workloadEnforce = "/validate-workload"
    /// Workloads in namespaces labelled `shipshape.dev/checklist=warn`.
    case workloadWarn = "/validate-workload/warn"

    /// The request path, also the `webhook` label of the metrics.
    public var path: String { rawValue }

    init?(path: String) {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        self.init(rawValue: trimmed)
    }
}
