import KubeModel

extension ClusterStore {
    static let webhookConfigurationKeys = (
        validating: "validatingwebhookconfigurations.admissionregistration.k8s.io",
        mutating: "mutatingwebhookconfigurations.admissionregistration.k8s.io")

    /// Every registered webhook, mutating ones first, each kind in the order of its
    /// configuration's name, as the API server orders them.
    func admissionWebhooks() -> (mutating: [AdmissionWebhook], validating: [AdmissionWebhook]) {
        func webhooks(_ storageKey: String, mutating: Bool) -> [AdmissionWebhook] {
            (objects[storageKey] ?? [:]).sorted { $0.key < $1.key }
                .flatMap { AdmissionWebhook.all(in: $0.value.value, mutating: mutating) }
        }
        return (webhooks(Self.webhookConfigurationKeys.mutating, mutating: true),
                webhooks(Self.webhookConfigurationKeys.validating, mutating: false))
    }

    /// The labels of namespace `name` (empty when it does not exist).
    func namespaceLabels(_ name: String) -> JSONObject {
        objects["namespaces"]?[name]?.value["metadata"]?["labels"]?.objectValue ?? [:]
    }

    /// Namespace `name` as stored (nil when it does not exist).
    func namespaceObject(_ name: String) -> JSONValue? {
        objects["namespaces"]?[name]?.value
    }
}
