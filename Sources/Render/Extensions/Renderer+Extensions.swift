import KubeModel
import ShipshapeAPI

extension Renderer {
    /// The extension objects `context` asks for, in `ExtensionKind` order: those served are
    /// appended to the output, the others recorded in `unserved`.
    func renderExtensions(_ context: RenderContext, into output: inout RenderOutput, warnings: inout [RenderWarning]) {
        var wanted: [(ExtensionKind, String, JSONValue)] = []
        if let spec = PrometheusRuleRendering.spec(context) {
            wanted.append((.prometheusRule, "\(context.name)-slo", spec))
            warnings += LatencyBuckets.warnings(context)
        }
        if let spec = ServiceMonitorRendering.spec(context) { wanted.append((.serviceMonitor, context.name, spec)) }
        if MeshIdentity.requiresMTLS(context.spec, options: extensions) {
            wanted.append((.peerAuthentication, context.name, PeerAuthenticationRendering.spec(context)))
            wanted.append((.authorizationPolicy, context.name,
                           AuthorizationPolicyRendering.spec(context, trustDomain: extensions.trustDomain)))
        }
        for (kind, name, spec) in wanted {
            guard extensions.served.contains(kind) else {
                output.unserved.append(UnservedObject(owner: context.key, kind: kind, name: name))
                continue
            }
            do {
                let metadata = try JSONValueEncoder().encode(context.metadata(name: name))
                output.objects.append(RenderedObject(owner: context.key, value: [
                    "apiVersion": .string(kind.apiVersion), "kind": .string(kind.kind), "metadata": metadata, "spec": spec,
                ]))
            } catch {
                warnings.append(context.warning(at: .root, "could not encode the \(kind.kind)'s metadata: \(error)"))
            }
        }
    }
}

/// An object a Microservice asks for whose kind the cluster does not serve.
public struct UnservedObject: Sendable, Hashable {
    /// The owning Microservice's key, `namespace/name`.
    public let owner: String
    public let kind: ExtensionKind
    public let name: String
}

extension [UnservedObject] {
    /// One line per provider whose kinds were left out, such as `not rendered for shop/a, shop/b:
    /// 2 PrometheusRule, 1 ServiceMonitor (monitoring.coreos.com/v1 is not served); …`.
    public func notices(hint: (ExtensionKind.Provider) -> String) -> [String] {
        Dictionary(grouping: self, by: \.kind.provider).sorted { $0.key.rawValue > $1.key.rawValue }.map { provider, objects in
            let counts = Dictionary(grouping: objects, by: \.kind).sorted { $0.key < $1.key }.map { "\($1.count) \($0.kind)" }
            let owners = Set(objects.map(\.owner)).sorted()
            let apiVersions = Set(objects.map(\.kind.apiVersion)).sorted().joined(separator: ", ")
            return "not rendered for \(owners.joined(separator: ", ")): \(counts.joined(separator: ", ")) "
                + "(\(apiVersions) is not served); \(hint(provider))"
        }
    }
}
