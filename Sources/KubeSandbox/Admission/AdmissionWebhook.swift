import Foundation
import KubeModel

/// One webhook of a ValidatingWebhookConfiguration or MutatingWebhookConfiguration, as the API
/// server dispatches it: which requests it sees (rules, namespace and object selectors), where it
/// is called (a URL, or a Service reference) and what a failure to call it means.
struct AdmissionWebhook: Sendable {
    enum FailurePolicy: String, Sendable { case fail = "Fail", ignore = "Ignore" }

    /// One `rules[]` entry (RuleWithOperations).
    struct Rule: Sendable {
        var operations: [String]
        var apiGroups: [String]
        var apiVersions: [String]
        var resources: [String]
        var scope: String
    }

    /// Where the webhook is called.
    enum Endpoint: Sendable {
        case url(String)
        /// `service.namespace/name:port` and `path`.
        case service(namespace: String, name: String, port: Int, path: String)
    }

    var configuration: String
    var name: String
    var mutating: Bool
    var endpoint: Endpoint
    /// The PEM CA bundle the serving certificate must chain to.
    var caBundle: [UInt8]?
    var rules: [Rule]
    var namespaceSelector: LabelSelector
    var objectSelector: LabelSelector
    var failurePolicy: FailurePolicy
    var timeoutSeconds: Int
    /// `None` and `NoneOnDryRun` may be called for dry-run requests.
    var sideEffects: String
    /// CEL conditions on the request; the webhook is called only when none is false.
    var matchConditions: [(name: String, expression: String)]

    /// The webhooks of a stored configuration object (`mutating` for MutatingWebhookConfigurations).
    static func all(in configuration: JSONValue, mutating: Bool) -> [AdmissionWebhook] {
        let name = configuration["metadata"]?["name"]?.stringValue ?? ""
        return (configuration["webhooks"]?.arrayValue ?? []).compactMap { webhook in
            let client = webhook["clientConfig"]
            let endpoint: Endpoint
            if let url = client?["url"]?.stringValue {
                endpoint = .url(url)
            } else if let service = client?["service"], let serviceName = service["name"]?.stringValue {
                endpoint = .service(namespace: service["namespace"]?.stringValue ?? "default", name: serviceName,
                                    port: service["port"]?.intValue ?? 443, path: service["path"]?.stringValue ?? "/")
            } else {
                return nil
            }
            let rules = (webhook["rules"]?.arrayValue ?? []).map(Rule.init(object:))
            return AdmissionWebhook(
                configuration: name, name: webhook["name"]?.stringValue ?? "", mutating: mutating, endpoint: endpoint,
                caBundle: client?["caBundle"]?.stringValue.flatMap { Data(base64Encoded: $0) }.map { Array($0) },
                rules: rules,
                namespaceSelector: LabelSelector(object: webhook["namespaceSelector"]),
                objectSelector: LabelSelector(object: webhook["objectSelector"]),
                failurePolicy: FailurePolicy(rawValue: webhook["failurePolicy"]?.stringValue ?? "Fail") ?? .fail,
                timeoutSeconds: webhook["timeoutSeconds"]?.intValue ?? 10,
                sideEffects: webhook["sideEffects"]?.stringValue ?? "Unknown",
                matchConditions: (webhook["matchConditions"]?.arrayValue ?? []).map {
                    ($0["name"]?.stringValue ?? "", $0["expression"]?.stringValue ?? "")
                })
        }
    }

    static func strings(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }

    /// Whether one of the rules covers the request.
    func matches(_ attributes: AdmissionAttributes) -> Bool {
        rules.contains { $0.covers(attributes) }
    }

    fileprivate static func resource(_ pattern: String, covers plural: String, _ subresource: String?) -> Bool {
        let parts = pattern.split(separator: "/", maxSplits: 1).map(String.init)
        let resource = parts.first ?? ""
        let sub = parts.count > 1 ? parts[1] : nil
        guard resource == "*" || resource == plural else { return false }
        switch (sub, subresource) {
        case (nil, nil): return true
        case (nil, _?): return false
        case ("*"?, _): return true
        case (let wanted?, let actual?): return wanted == actual
        case (_?, nil): return false
        }
    }

    fileprivate static func scope(_ scope: String, covers namespaced: Bool) -> Bool {
        switch scope {
        case "Cluster": return !namespaced
        case "Namespaced": return namespaced
        default: return true
        }
    }

    /// The URL called, with the API server's `timeout` parameter; nil when a Service reference
    /// has no address in this sandbox.
    func url(serviceAddresses: [String: String]) -> String? {
        let base: String
        switch endpoint {
        case .url(let url): base = url
        case .service(let namespace, let name, let port, let path):
            guard let address = serviceAddresses["\(namespace)/\(name):\(port)"] else { return nil }
            base = "https://\(address)" + (path.hasPrefix("/") ? path : "/" + path)
        }
        return base + (base.contains("?") ? "&" : "?") + "timeout=\(timeoutSeconds)s"
    }

    /// The DNS name a Service's serving certificate is for (`name.namespace.svc`).
    var serviceServerName: String? {
        guard case .service(let namespace, let name, _, _) = endpoint else { return nil }
        return "\(name).\(namespace).svc"
    }
}

extension AdmissionWebhook.Rule {
    /// A `rules[]` (or policy `resourceRules[]`) entry; scope `*` unless given.
    init(object rule: JSONValue) {
        let strings = AdmissionWebhook.strings
        self.init(operations: strings(rule["operations"]), apiGroups: strings(rule["apiGroups"]),
                  apiVersions: strings(rule["apiVersions"]), resources: strings(rule["resources"]),
                  scope: rule["scope"]?.stringValue ?? "*")
    }

    /// Whether the rule covers the request: operation, group, version, resource (with
    /// subresource: `pods/status`, `*/status`, `pods/*`, `*/*`, `*` for main resources) and scope.
    func covers(_ attributes: AdmissionAttributes) -> Bool {
        (operations.contains("*") || operations.contains(attributes.operation.rawValue))
            && (apiGroups.contains("*") || apiGroups.contains(attributes.type.group))
            && (apiVersions.contains("*") || apiVersions.contains(attributes.type.version))
            && resources.contains { AdmissionWebhook.resource($0, covers: attributes.type.plural, attributes.subresource) }
            && AdmissionWebhook.scope(scope, covers: attributes.type.namespaced)
    }
}

/// What admission knows about a request.
struct AdmissionAttributes: Sendable {
    enum Operation: String, Sendable { case create = "CREATE", update = "UPDATE", delete = "DELETE" }

    var operation: Operation
    var type: ServedResource
    var subresource: String?
    var namespace: String
    var name: String
    var user: AuthenticatedUser?
    var dryRun: Bool
}
