import Checklist
import KubeModel

/// A pod template flattened to `path -> value` for comparison, in terms that survive import:
/// lists keyed by name (containers, env, ports by number, mounts by path with their volume
/// inlined), security settings as they take effect on the main container, API defaults dropped
/// (absent and default mean the same), quantities as text and secret-looking literals redacted.
/// The main container is keyed by `mainName` whatever it is called, so the original's and the
/// rendered one line up.
struct PodTemplateView {
    private(set) var fields: [String: JSONValue] = [:]

    /// Security fields a container's securityContext shares with the pod's (the container's win).
    static let sharedSecurityKeys = ["runAsUser", "runAsGroup", "runAsNonRoot", "seccompProfile", "seLinuxOptions",
                                     "windowsOptions", "appArmorProfile"]

    init(template: JSONValue, main: Int, mainName: String) {
        for (key, value) in template["metadata"]?["labels"]?.objectValue ?? JSONObject() {
            fields["metadata.labels[\(key)]"] = value
        }
        for (key, value) in template["metadata"]?["annotations"]?.objectValue ?? JSONObject() {
            fields["metadata.annotations[\(key)]"] = value
        }
        let pod = template["spec"]?.objectValue ?? JSONObject()
        let volumes = Dictionary((pod["volumes"]?.arrayValue ?? []).compactMap { volume in
            volume["name"]?.stringValue.map { ($0, volume) }
        }, uniquingKeysWith: { first, _ in first })
        var mounted = Set<String>()
        for (key, value) in pod {
            switch key {
            case "containers":
                for (index, container) in (value.arrayValue ?? []).enumerated() {
                    if index == main {
                        addMain(container, name: mainName, podSecurity: pod["securityContext"], volumes: volumes, mounted: &mounted)
                    } else {
                        fields[Self.containerPath(container["name"]?.stringValue ?? "#\(index)")] = container
                    }
                }
            case "initContainers":
                for (index, container) in (value.arrayValue ?? []).enumerated() {
                    fields["spec.initContainers[\(container["name"]?.stringValue ?? "#\(index)")]"] = container
                }
            case "securityContext":
                var podOnly = value.objectValue ?? JSONObject()
                for shared in Self.sharedSecurityKeys { podOnly[shared] = nil }
                add(.object(podOnly), at: "spec.securityContext")
            case "volumes", "serviceAccount":  // volumes go with their mounts; serviceAccount is serviceAccountName's old alias
                continue
            default:
                add(value, at: "spec.\(key)")
            }
        }
        for (name, volume) in volumes.sorted(by: { $0.key < $1.key }) where !mounted.contains(name) {
            fields["spec.volumes[\(name)]"] = Self.removing("name", from: volume)
        }
        fields = fields.filter { !Self.isAPIDefault(path: $0.key, value: $0.value, image: Self.image(of: template, main: main)) }
    }

    /// `spec.containers[name]`, the prefix of a container's fields.
    static func containerPath(_ name: String) -> String { "spec.containers[\(name)]" }

    private mutating func addMain(_ container: JSONValue, name: String, podSecurity: JSONValue?,
                                  volumes: [String: JSONValue], mounted: inout Set<String>) {
        let prefix = Self.containerPath(name)
        var security = JSONObject()
        for shared in Self.sharedSecurityKeys { security[shared] = podSecurity?[shared] }
        for (key, value) in container["securityContext"]?.objectValue ?? JSONObject() { security[key] = value }
        add(.object(security), at: prefix + ".securityContext")
        for (key, value) in container.objectValue ?? JSONObject() {
            switch key {
            case "securityContext": continue
            case "env":
                for variable in value.arrayValue ?? [] {
                    let variableName = variable["name"]?.stringValue ?? ""
                    var entry = Self.removing("name", from: variable)
                    if let literal = variable["value"]?.stringValue, Checklist.literalLooksSecret(name: variableName, value: literal) {
                        entry = ["value": "(a literal that looks secret, not shown)"]
                    }
                    add(entry, at: "\(prefix).env[\(variableName)]")
                }
            case "envFrom":
                for source in value.arrayValue ?? [] {
                    var entry = source.objectValue ?? JSONObject()
                    var id = "?"
                    for (refKey, kind) in [("configMapRef", "configMap"), ("secretRef", "secret")] {
                        guard var reference = entry[refKey]?.objectValue else { continue }
                        id = "\(kind):\(reference["name"]?.stringValue ?? "")"
                        reference["name"] = nil
                        entry[refKey] = .object(reference)
                    }
                    add(.object(entry), at: "\(prefix).envFrom[\(id)]")
                }
            case "ports":
                for port in value.arrayValue ?? [] {
                    let number = port["containerPort"]?.intValue ?? 0
                    let transport = port["protocol"]?.stringValue ?? "TCP"
                    var entry = Self.removing("containerPort", from: port).objectValue ?? JSONObject()
                    if transport == "TCP" { entry["protocol"] = nil }
                    add(.object(entry), at: "\(prefix).ports[\(number)\(transport == "TCP" ? "" : "/" + transport)]")
                }
            case "volumeMounts":
                for mount in value.arrayValue ?? [] {
                    let path = mount["mountPath"]?.stringValue ?? ""
                    let volumeName = mount["name"]?.stringValue ?? ""
                    mounted.insert(volumeName)
                    var entry = mount.objectValue ?? JSONObject()
                    entry["name"] = nil
                    entry["mountPath"] = nil
                    add(.object(entry), at: "\(prefix).volumeMounts[\(path)]")
                    add(volumes[volumeName].map { Self.removing("name", from: $0) } ?? ["missing": .string(volumeName)],
                        at: "\(prefix).volumeMounts[\(path)].volume")
                }
            case "resources":
                add(Self.quantitiesAsText(value), at: prefix + ".resources")
            default:
                add(value, at: "\(prefix).\(key)")
            }
        }
    }

    /// Flattens objects into dotted paths; arrays and scalars are leaves; nulls and empty
    /// collections are left out (the API treats them as unset).
    private mutating func add(_ value: JSONValue, at path: String) {
        switch value {
        case .null: return
        case .object(let object):
            for (key, member) in object { add(member, at: "\(path).\(key)") }
        case .array(let array):
            if !array.isEmpty { fields[path] = value }
        default:
            fields[path] = value
        }
    }

    private static func removing(_ key: String, from value: JSONValue) -> JSONValue {
        guard var object = value.objectValue else { return value }
        object[key] = nil
        return .object(object)
    }

    private static func quantitiesAsText(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object): return .object(JSONObject(object.map { ($0.key, quantitiesAsText($0.value)) }))
        case .integer(let number): return .string(String(number))
        case .number(let number): return .string(String(number))
        default: return value
        }
    }

    private static func image(of template: JSONValue, main: Int) -> String {
        template["spec"]?["containers"]?.arrayValue.flatMap { main < $0.count ? $0[main]["image"]?.stringValue : nil } ?? ""
    }

    /// Values the API server fills in when a field is unset: the same as unset.
    static func isAPIDefault(path: String, value: JSONValue, image: String) -> Bool {
        let last = path.split(separator: ".").last.map(String.init) ?? path
        let podDefaults: [String: JSONValue] = [
            "spec.restartPolicy": "Always", "spec.dnsPolicy": "ClusterFirst", "spec.schedulerName": "default-scheduler",
            "spec.terminationGracePeriodSeconds": 30, "spec.serviceAccountName": "default", "spec.enableServiceLinks": true,
        ]
        if let value0 = podDefaults[path] { return value0 == value }
        guard path.hasPrefix("spec.containers[") else { return false }
        if path.contains("Probe.") {
            let probeDefaults: [String: JSONValue] = [
                "timeoutSeconds": 1, "periodSeconds": 10, "successThreshold": 1, "failureThreshold": 3, "initialDelaySeconds": 0,
                "scheme": "HTTP", "path": "/",
            ]
            return probeDefaults[last] == value
        }
        switch last {
        case "terminationMessagePath": return value == "/dev/termination-log"
        case "terminationMessagePolicy": return value == "File"
        case "imagePullPolicy": return value == .string(defaultPullPolicy(image))
        case "readOnly": return value == false && path.contains(".volumeMounts[")
        case "privileged": return value == false
        case "defaultMode": return value == 420 && path.contains(".volume.")
        default: return false
        }
    }

    /// `Always` for `:latest` or an untagged image, else `IfNotPresent`, as the API defaults it.
    static func defaultPullPolicy(_ image: String) -> String {
        if image.contains("@") { return "IfNotPresent" }
        let lastComponent = image.split(separator: "/").last.map(String.init) ?? image
        guard let colon = lastComponent.lastIndex(of: ":") else { return "Always" }
        return lastComponent[lastComponent.index(after: colon)...] == "latest" ? "Always" : "IfNotPresent"
    }
}
