import Checklist
import KubeModel
import ShipshapeAPI

extension DeploymentImport {
    /// The Secret literals that look secret are moved to (it must be created by hand).
    var literalsSecret: String { "\(name)-env" }

    /// Plain variables as `env`; Secret keys as `secrets`; literals that look secret as `secrets`
    /// references to a Secret to create (with a TODO; the value is never written); whole
    /// ConfigMaps and Secrets from `envFrom`. Addresses of peers become `dependsOn`.
    mutating func importEnvironment() {
        var plain: [ShipshapeAPI.EnvVar] = []
        var secrets: [SecretReference] = []
        var seen = Set<String>()
        var movedToSecret: [String] = []
        for variable in container["env"]?.arrayValue ?? [] {
            guard let variableName = variable["name"]?.stringValue else { continue }
            let path = containerField("env[\(variableName)]")
            guard seen.insert(variableName).inserted else {
                templateNote(path, "is set twice; only the first is imported")
                continue
            }
            if let source = variable["valueFrom"] {
                if let key = source["secretKeyRef"] {
                    var reference = SecretReference(env: variableName, secret: key["name"]?.stringValue ?? "", key: key["key"]?.stringValue ?? "")
                    reference.optional = key["optional"]?.boolValue
                    secrets.append(reference)
                } else {
                    let kind = source.objectValue?.keys.first ?? "valueFrom"
                    templateNote(path, "valueFrom.\(kind) is not expressed (a Microservice takes literals, Secret keys and whole ConfigMaps)")
                }
                continue
            }
            let value = variable["value"]?.stringValue ?? variable["value"].map { $0.jsonText() } ?? ""
            if Checklist.literalLooksSecret(name: variableName, value: value) {
                secrets.append(SecretReference(env: variableName, secret: literalsSecret, key: variableName))
                movedToSecret.append(variableName)
                templateNote(path, "a literal that looks secret: now read from Secret \(literalsSecret), key \(variableName) (see TODO)")
            } else {
                plain.append(ShipshapeAPI.EnvVar(name: variableName, value: value))
                addDependencies(fromAddress: value, variable: variableName)
            }
        }
        if !movedToSecret.isEmpty {
            let keys = movedToSecret.map { "--from-literal=\($0)=..." }.joined(separator: " ")
            todos.append("create Secret \(literalsSecret)\(namespace.isEmpty ? "" : " in namespace \(namespace)") with the values of "
                + "\(movedToSecret.joined(separator: ", ")) before applying (they were literals in the Deployment and are not copied here): "
                + "kubectl create secret generic \(literalsSecret)\(namespace.isEmpty ? "" : " -n \(namespace)") \(keys)")
        }
        var configFrom: [ConfigSource] = []
        for source in container["envFrom"]?.arrayValue ?? [] {
            if source["prefix"] != nil {
                let id = source["configMapRef"] != nil ? "configMap:" : "secret:"
                let refName = (source["configMapRef"] ?? source["secretRef"])?["name"]?.stringValue ?? ""
                templateNote(containerField("envFrom[\(id)\(refName)]"), "a prefix on envFrom is not expressed; imported without it")
            }
            if let reference = source["configMapRef"], let configMap = reference["name"]?.stringValue {
                var config = ConfigSource(configMap: configMap)
                config.optional = reference["optional"]?.boolValue
                configFrom.append(config)
            } else if let reference = source["secretRef"], let secret = reference["name"]?.stringValue {
                var secretSource = SecretReference(envFrom: secret)
                secretSource.optional = reference["optional"]?.boolValue
                secrets.append(secretSource)
            }
        }
        spec.env = plain.isEmpty ? nil : plain
        spec.secrets = secrets.isEmpty ? nil : secrets
        spec.configFrom = configFrom.isEmpty ? nil : configFrom
    }

    /// `dependsOn` for a value naming a peer's Service (`cartservice:7070`, `http://carts/api`).
    private mutating func addDependencies(fromAddress value: String, variable: String) {
        for host in ImportPeers.hosts(in: value) {
            guard let peer = peers.peer(host: host, from: namespace), peer.name != name || peer.namespace != namespace else { continue }
            var dependency = Dependency(service: peer.name, namespace: peer.namespace == namespace ? nil : peer.namespace)
            dependency.port = nil
            if !(spec.dependsOn ?? []).contains(dependency) { spec.dependsOn = (spec.dependsOn ?? []) + [dependency] }
        }
    }
}
