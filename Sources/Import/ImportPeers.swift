import Checklist
import KubeModel

/// The Deployments imported together, so that a call from one to another (an address in an
/// environment variable, a NetworkPolicy rule) becomes a `dependsOn` entry naming the Microservice.
struct ImportPeers {
    struct Peer {
        let name: String
        let namespace: String
        let labels: [String: String]
        /// The Services that select its pods: the host names callers use.
        let serviceNames: [String]
    }

    let peers: [Peer]

    /// The peer a host name reaches: `svc`, `svc.ns`, `svc.ns.svc` or `svc.ns.svc.cluster.local`
    /// (`svc` being one of its Services), seen from `namespace`.
    func peer(host: String, from namespace: String) -> Peer? {
        let parts = host.split(separator: ".").map(String.init)
        guard let service = parts.first else { return nil }
        let targetNamespace = parts.count > 1 ? parts[1] : namespace
        if parts.count > 2, parts[2] != "svc" { return nil }
        return peers.first { $0.namespace == targetNamespace && $0.serviceNames.contains(service) }
    }

    /// Peers in `namespace` whose pods `selector` (a LabelSelector) selects.
    func peers(selectedBy selector: JSONValue, in namespace: String) -> [Peer] {
        peers.filter { $0.namespace == namespace && Checklist.selector(selector, matches: $0.labels) }
    }

    /// Host names in a variable's value: `host:port`, `scheme://host[:port]/...`, or a bare name
    /// that is a Service of a peer; at most one per comma-separated item.
    static func hosts(in value: String) -> [String] {
        value.split(separator: ",").compactMap { item in
            var text = Substring(item.trimmingCharacters(in: .whitespaces))
            if let scheme = text.range(of: "://") { text = text[scheme.upperBound...] }
            if let at = text.lastIndex(of: "@") { text = text[text.index(after: at)...] }
            let host = text.prefix { $0 != ":" && $0 != "/" && $0 != "?" }
            guard !host.isEmpty, host.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "." }),
                  host.first?.isLetter == true else { return nil }
            return String(host)
        }
    }
}
