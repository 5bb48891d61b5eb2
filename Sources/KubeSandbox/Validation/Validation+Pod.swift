import Foundation
import KubeModel

/// Pods, pod templates and the pod spec they share.
extension Validation {
    static let restartPolicies = ["Always", "OnFailure", "Never"]
    static let containerProtocols = ["SCTP", "TCP", "UDP"]

    static func pod(_ object: JSONValue, old: JSONValue?) -> FieldErrors {
        var errors = podSpec(object["spec"], at: FieldPath().key("spec"))
        if let old { errors.append(podUpdate(object, old: old)) }
        return errors
    }

    /// A workload's `template`: its labels and spec.
    static func podTemplate(_ template: JSONValue?, at path: FieldPath) -> FieldErrors {
        var errors = labels(template?["metadata"]?["labels"]?.objectValue, at: path.key("metadata").key("labels"))
        errors.append(podSpec(template?["spec"], at: path.key("spec")))
        return errors
    }

    /// The restart policy a template's pods must have (`Always` for controllers that keep pods running).
    static func templateRestartPolicy(_ template: JSONValue?, at path: FieldPath, allowed: [String]) -> FieldErrors {
        var errors = FieldErrors()
        let policy = template?["spec"]?["restartPolicy"]?.stringValue ?? "Always"
        if !allowed.contains(policy) {
            errors.notSupported(path.key("spec").key("restartPolicy"), .string(policy), allowed)
        }
        return errors
    }

    static func podSpec(_ spec: JSONValue?, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        let containers = spec?["containers"]?.arrayValue ?? []
        if containers.isEmpty { errors.required(path.key("containers")) }
        var names: Set<String> = []
        for list in ["initContainers", "containers"] {
            for (index, container) in (spec?[list]?.arrayValue ?? []).enumerated() {
                let containerPath = path.key(list).index(index)
                errors.append(self.container(container, at: containerPath))
                if let name = container["name"]?.stringValue, !name.isEmpty, !names.insert(name).inserted {
                    errors.duplicate(containerPath.key("name"), .string(name))
                }
            }
        }
        if let policy = spec?["restartPolicy"]?.stringValue, !restartPolicies.contains(policy) {
            errors.notSupported(path.key("restartPolicy"), .string(policy), restartPolicies)
        }
        let dnsPolicies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"]
        if let policy = spec?["dnsPolicy"]?.stringValue, !dnsPolicies.contains(policy) {
            errors.notSupported(path.key("dnsPolicy"), .string(policy), dnsPolicies)
        }
        var volumes: Set<String> = []
        for (index, volume) in (spec?["volumes"]?.arrayValue ?? []).enumerated() {
            let namePath = path.key("volumes").index(index).key("name")
            let name = volume["name"]?.stringValue ?? ""
            if name.isEmpty {
                errors.required(namePath)
            } else {
                errors.invalid(namePath, name, details: NameRules.dns1123Label(name))
                if !volumes.insert(name).inserted { errors.duplicate(namePath, .string(name)) }
            }
        }
        if let seconds = spec?["terminationGracePeriodSeconds"]?.intValue, seconds < 0 {
            errors.invalid(path.key("terminationGracePeriodSeconds"), .integer(seconds), "must be greater than or equal to 0")
        }
        if let seconds = spec?["activeDeadlineSeconds"]?.intValue, seconds <= 0 {
            errors.invalid(path.key("activeDeadlineSeconds"), .integer(seconds), "must be between 1 and 2147483647, inclusive")
        }
        return errors
    }

    static func container(_ container: JSONValue, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        let name = container["name"]?.stringValue ?? ""
        if name.isEmpty {
            errors.required(path.key("name"))
        } else {
            errors.invalid(path.key("name"), name, details: NameRules.dns1123Label(name))
        }
        if (container["image"]?.stringValue ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            errors.required(path.key("image"))
        }
        let pullPolicies = ["Always", "IfNotPresent", "Never"]
        if let policy = container["imagePullPolicy"]?.stringValue, !pullPolicies.contains(policy) {
            errors.notSupported(path.key("imagePullPolicy"), .string(policy), pullPolicies)
        }
        let messagePolicies = ["File", "FallbackToLogsOnError"]
        if let policy = container["terminationMessagePolicy"]?.stringValue, !messagePolicies.contains(policy) {
            errors.notSupported(path.key("terminationMessagePolicy"), .string(policy), messagePolicies)
        }
        var portNames: Set<String> = []
        for (index, port) in (container["ports"]?.arrayValue ?? []).enumerated() {
            let portPath = path.key("ports").index(index)
            if let portName = port["name"]?.stringValue, !portName.isEmpty {
                errors.invalid(portPath.key("name"), portName, details: NameRules.portName(portName))
                if !portNames.insert(portName).inserted { errors.duplicate(portPath.key("name"), .string(portName)) }
            }
            let number = port["containerPort"]?.intValue ?? 0
            if !(1...65535).contains(number) { errors.invalid(portPath.key("containerPort"), .integer(number), portRange) }
            if let hostPort = port["hostPort"]?.intValue, hostPort != 0, !(1...65535).contains(hostPort) {
                errors.invalid(portPath.key("hostPort"), .integer(hostPort), portRange)
            }
            if let proto = port["protocol"]?.stringValue, !containerProtocols.contains(proto) {
                errors.notSupported(portPath.key("protocol"), .string(proto), containerProtocols)
            }
        }
        for (index, variable) in (container["env"]?.arrayValue ?? []).enumerated() {
            let namePath = path.key("env").index(index).key("name")
            let variableName = variable["name"]?.stringValue ?? ""
            if variableName.isEmpty {
                errors.required(namePath)
            } else {
                errors.invalid(namePath, variableName, details: NameRules.envVarName(variableName))
            }
        }
        errors.append(resources(container["resources"], at: path.key("resources")))
        return errors
    }

    /// Quantities are not negative and no request exceeds its limit.
    static func resources(_ resources: JSONValue?, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        let limits = resources?["limits"]?.objectValue ?? JSONObject()
        let requests = resources?["requests"]?.objectValue ?? JSONObject()
        for (field, values) in [("limits", limits), ("requests", requests)] {
            for name in values.keys.sorted() {
                if let text = quantityText(values[name]), let value = Quantity.parse(text), value < 0 {
                    errors.invalid(path.key(field).entry(name), .string(text), "must be greater than or equal to 0")
                }
            }
        }
        for name in requests.keys.sorted() {
            guard let requestText = quantityText(requests[name]), let limitText = quantityText(limits[name]),
                  let request = Quantity.parse(requestText), let limit = Quantity.parse(limitText) else { continue }
            if request > limit {
                errors.invalid(path.key("requests"), .string(requestText), "must be less than or equal to \(name) limit of \(limitText)")
            }
        }
        return errors
    }

    /// A quantity as written: a string, or a bare JSON number.
    static func quantityText(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text): return text
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        default: return nil
        }
    }

    /// Only images, activeDeadlineSeconds, added tolerations and terminationGracePeriodSeconds may change.
    static func podUpdate(_ object: JSONValue, old: JSONValue) -> FieldErrors {
        var errors = FieldErrors()
        guard var new = object["spec"], let oldSpec = old["spec"] else { return errors }
        for list in ["containers", "initContainers"] {
            guard var containers = new[list]?.arrayValue, let previous = oldSpec[list]?.arrayValue,
                  containers.count == previous.count else { continue }
            for index in containers.indices { containers[index]["image"] = previous[index]["image"] }
            new[list] = .array(containers)
        }
        for field in ["activeDeadlineSeconds", "tolerations", "terminationGracePeriodSeconds"] { new[field] = oldSpec[field] }
        if new != oldSpec {
            errors.forbidden(FieldPath().key("spec"), "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)")
        }
        return errors
    }
}
