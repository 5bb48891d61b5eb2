import Checklist
import KubeModel

/// The objects that go with a Deployment, matched the way Kubernetes matches them: Services
/// and PodDisruptionBudgets whose selector selects its pod template's labels, HPAs whose
/// scaleTargetRef names it, NetworkPolicies whose podSelector selects its pods, and the
/// ServiceAccount its pods run as. Never by name alone.
struct RelatedObjects {
    var services: [ImportInput] = []
    var autoscalers: [ImportInput] = []
    var disruptionBudgets: [ImportInput] = []
    var networkPolicies: [ImportInput] = []
    var serviceAccount: ImportInput?

    /// Every matched object, as `Kind namespace/name`.
    var references: [String] {
        (services + autoscalers + disruptionBudgets + networkPolicies + (serviceAccount.map { [$0] } ?? [])).map(\.reference)
    }

    init(for deployment: ImportInput, in index: ObjectIndex) {
        let namespace = deployment.namespace
        let labels = deployment.value["spec"]?["template"]?["metadata"]?["labels"]?.objectValue.map(Self.stringMap) ?? [:]
        let candidates = index.objects(in: namespace).sorted { ($0.kind, $0.name) < ($1.kind, $1.name) }
        services = candidates.filter {
            $0.kind == "Service" && Checklist.serviceSelector($0.value["spec"]?["selector"], matches: labels)
        }
        autoscalers = candidates.filter { object in
            guard object.kind == "HorizontalPodAutoscaler", let target = object.value["spec"]?["scaleTargetRef"] else { return false }
            let group = target["apiVersion"]?.stringValue.map { $0.split(separator: "/").dropLast().joined(separator: "/") } ?? "apps"
            return target["kind"]?.stringValue == "Deployment" && target["name"]?.stringValue == deployment.name && group == "apps"
        }
        disruptionBudgets = candidates.filter { object in
            guard object.kind == "PodDisruptionBudget", let selector = object.value["spec"]?["selector"] else { return false }
            return Checklist.selector(selector, matches: labels)
        }
        networkPolicies = candidates.filter { object in
            guard object.kind == "NetworkPolicy", let selector = object.value["spec"]?["podSelector"] else { return false }
            return Checklist.selector(selector, matches: labels)
        }
        let pod = deployment.value["spec"]?["template"]?["spec"]
        let accountName = pod?["serviceAccountName"]?.stringValue ?? pod?["serviceAccount"]?.stringValue
        serviceAccount = accountName.flatMap { name in candidates.first { $0.kind == "ServiceAccount" && $0.name == name } }
    }

    static func stringMap(_ object: JSONObject) -> [String: String] {
        var map: [String: String] = [:]
        for (key, value) in object {
            switch value {
            case .string(let text): map[key] = text
            case .integer(let number): map[key] = String(number)
            case .bool(let flag): map[key] = flag ? "true" : "false"
            default: continue
            }
        }
        return map
    }
}

/// The objects given to the importer, by namespace.
struct ObjectIndex {
    private var byNamespace: [String: [ImportInput]] = [:]

    init(_ objects: [ImportInput]) {
        for object in objects { byNamespace[object.namespace, default: []].append(object) }
    }

    func objects(in namespace: String) -> [ImportInput] { byNamespace[namespace] ?? [] }
}
