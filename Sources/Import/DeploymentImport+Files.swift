import KubeModel
import ShipshapeAPI

extension DeploymentImport {
    /// Mounts of whole ConfigMaps and Secrets as `configFrom`/`secrets` with a mount path; an
    /// emptyDir at /tmp is Shipshape's own scratch volume; every other volume is reported.
    mutating func importFiles() {
        let volumes = Dictionary((pod["volumes"]?.arrayValue ?? []).compactMap { volume in
            volume["name"]?.stringValue.map { ($0, volume) }
        }, uniquingKeysWith: { first, _ in first })
        var mountedVolumes = Set<String>()
        for mount in container["volumeMounts"]?.arrayValue ?? [] {
            guard let path = mount["mountPath"]?.stringValue, let volumeName = mount["name"]?.stringValue else { continue }
            mountedVolumes.insert(volumeName)
            let viewPath = containerField("volumeMounts[\(path)]")
            guard let volume = volumes[volumeName] else {
                templateNote(viewPath, "mounts volume \(volumeName), which the pod does not define")
                continue
            }
            if mount["subPath"] != nil || mount["subPathExpr"] != nil || mount["mountPropagation"] != nil || mount["recursiveReadOnly"] != nil {
                templateNote(viewPath, "volume \(volumeName): subPath and mount propagation are not expressed")
                continue
            }
            let normalized = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
            if let configMap = volume["configMap"], configMap["items"] == nil, normalized != "/tmp" {
                var source = ConfigSource(configMap: configMap["name"]?.stringValue ?? "", mountPath: path)
                source.optional = configMap["optional"]?.boolValue
                spec.configFrom = (spec.configFrom ?? []) + [source]
                if mount["readOnly"]?.boolValue != true { templateNote("\(viewPath).readOnly", "ConfigMaps are mounted read-only", onlyIfChanged: true) }
                templateNote("\(viewPath).volume.configMap.defaultMode", "file modes are Kubernetes' default", onlyIfChanged: true)
            } else if let secret = volume["secret"], secret["items"] == nil, normalized != "/tmp" {
                var reference = SecretReference(secret: secret["secretName"]?.stringValue ?? "", mountPath: path)
                reference.optional = secret["optional"]?.boolValue
                spec.secrets = (spec.secrets ?? []) + [reference]
                templateNote("\(viewPath).volume.secret.defaultMode", "Secret files are readable by their owner only (0400)", onlyIfChanged: true)
            } else if volume["emptyDir"] != nil, normalized == "/tmp" {
                templateNote("\(viewPath).volume.emptyDir", "Shipshape mounts its own writable /tmp (an emptyDir of 64Mi)", onlyIfChanged: true)
            } else {
                let kind = volume.objectValue?.keys.first { $0 != "name" } ?? "volume"
                let detail = volume["configMap"] != nil || volume["secret"] != nil ? " with items or at /tmp" : ""
                templateNote(viewPath, "volume \(volumeName) (\(kind)\(detail)) is not expressed: only whole ConfigMaps and Secrets are")
            }
        }
        for (volumeName, volume) in volumes.sorted(by: { $0.key < $1.key }) where !mountedVolumes.contains(volumeName) {
            let kind = volume.objectValue?.keys.first { $0 != "name" } ?? "volume"
            templateNote("spec.volumes[\(volumeName)]", "a \(kind) volume the main container does not mount is not expressed")
        }
    }
}
