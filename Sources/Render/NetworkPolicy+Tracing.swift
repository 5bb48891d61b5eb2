import KubeModel
import ShipshapeAPI

extension NetworkPolicyEgressRule {
    /// Egress to the OTLP collector of `observability.tracing`, so default-deny does not drop
    /// the spans: an in-cluster Service name (`collector`, `collector.namespace`,
    /// `collector.namespace.svc...`) allows that namespace's pods on the endpoint's port (its
    /// target port must be the same number); an IP address allows that address. A name outside
    /// the cluster cannot be allowed by name: nil, with a warning.
    static func tracing(_ context: RenderContext, warnings: inout [RenderWarning]) -> NetworkPolicyEgressRule? {
        guard let tracing = context.spec.observability?.tracing else { return nil }
        let path = RenderContext.specPath.key("observability").key("tracing").key("endpoint")
        guard let endpoint = Endpoint(tracing.endpoint) else {
            warnings.append(context.warning(at: path, "\"\(tracing.endpoint)\" names no host and port; egress to it is not rendered"))
            return nil
        }
        let peer: NetworkPolicyPeer
        switch endpoint.location {
        case .address(let cidr):
            peer = NetworkPolicyPeer(ipBlock: IPBlock(cidr: cidr))
        case .service(let namespace?) where namespace != context.namespace:
            peer = NetworkPolicyPeer(namespaceSelector: .namespace(namespace))
        case .service:
            peer = NetworkPolicyPeer(podSelector: LabelSelector())
        case .external:
            warnings.append(context.warning(at: path, "\(endpoint.host) is outside the cluster, which a NetworkPolicy "
                                                + "cannot allow by name; add its address range to dependsOn as a cidr"))
            return nil
        }
        return NetworkPolicyEgressRule(to: [peer], ports: [NetworkPolicyPort(protocol: "TCP", port: .int(endpoint.port))])
    }
}

/// The host and port of a URL such as `http://otel-collector.observability:4317`.
struct Endpoint: Equatable {
    let host: String
    let port: Int

    init?(_ url: String) {
        let schemeEnd = url.range(of: "://")
        let scheme = schemeEnd.map { url[..<$0.lowerBound].lowercased() } ?? "http"
        let rest = schemeEnd.map { url[$0.upperBound...] } ?? Substring(url)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostPart: Substring, portPart: Substring?
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            hostPart = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            portPart = after.hasPrefix(":") ? after.dropFirst() : nil
        } else if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            portPart = authority[authority.index(after: colon)...]
        } else {
            hostPart = authority
            portPart = nil
        }
        guard !hostPart.isEmpty, let port = portPart.map({ Int($0) }) ?? (scheme == "https" ? 443 : 80),
              (1...65535).contains(port) else { return nil }
        host = hostPart.lowercased()
        self.port = port
    }

    /// Where the host is, as a NetworkPolicy can name it.
    enum Location: Equatable {
        /// An IP address, as a CIDR of one address.
        case address(String)
        /// A cluster Service: `name` (nil: the caller's namespace), `name.namespace`, `name.namespace.svc...`.
        case service(namespace: String?)
        /// Any other DNS name.
        case external
    }

    var location: Location {
        if host.contains(":") { return .address(host + "/128") }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if labels.count == 4, labels.allSatisfy({ UInt8($0) != nil }) { return .address(host + "/32") }
        switch labels.count {
        case 1: return .service(namespace: nil)
        case 2: return .service(namespace: labels[1])
        default: return labels[2] == "svc" ? .service(namespace: labels[1]) : .external
        }
    }
}
