import KubeModel
import Render

extension ExtensionKind {
    /// The namespaced resource that serves the kind, such as `prometheusrules.v1.monitoring.coreos.com`.
    public var resourceType: ResourceType {
        ResourceType(group: group, version: version, resource: resource, kind: kind, namespaced: true)
    }
}
