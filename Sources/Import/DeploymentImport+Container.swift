import KubeModel
import ShipshapeAPI

extension DeploymentImport {
    /// Labels: the pod template's (so the rendered pods keep matching the Deployment's selector
    /// and the Services, PDBs and NetworkPolicies that select them), except `managed-by`.
    mutating func importLabels() {
        let podLabels = template["metadata"]?["labels"]?.objectValue.map(RelatedObjects.stringMap) ?? [:]
        labels = podLabels.filter { $0.key != "app.kubernetes.io/managed-by" }
        for key in ["app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/managed-by"] {
            templateNote("metadata.labels[\(key)]", "Shipshape sets this label to \(key.hasSuffix("managed-by") ? "shipshape" : name)"
                + " on the pods; a Deployment selector that uses it must keep matching", onlyIfChanged: true)
        }
        let deploymentLabels = deployment.value["metadata"]?["labels"]?.objectValue.map(RelatedObjects.stringMap) ?? [:]
        let dropped = deploymentLabels.filter { podLabels[$0.key] == nil && $0.key != "app.kubernetes.io/managed-by" }.keys.sorted()
        if !dropped.isEmpty {
            objectNote("Deployment metadata.labels", "\(dropped.joined(separator: ", ")) are on the Deployment only; "
                + "the Microservice's labels are the pod template's, so these are not carried")
        }
        for (key, _) in (template["metadata"]?["annotations"]?.objectValue ?? JSONObject()) where !key.hasPrefix("prometheus.io/") {
            templateNote("metadata.annotations[\(key)]", "pod annotations are not expressed (only Prometheus scrape annotations, as observability.metrics)")
        }
    }

    /// Image, command, args, resources and image pull secrets.
    mutating func importContainer() {
        if let image = container["image"]?.stringValue, image.contains(where: \.isWhitespace) || image.isEmpty {
            templateNote(containerField("image"), "is not a usable image reference")
        }
        spec.command = container["command"]?.arrayValue.map { $0.compactMap(\.stringValue) }
        spec.args = container["args"]?.arrayValue.map { $0.compactMap(\.stringValue) }
        templateNote(containerField("name"), "the container is named after the Microservice (\(name)) when Shipshape renders it",
                     onlyIfChanged: true)
        importResources()
        if let policy = container["imagePullPolicy"]?.stringValue,
           policy != PodTemplateView.defaultPullPolicy(container["image"]?.stringValue ?? "") {
            templateNote(containerField("imagePullPolicy"), "\(policy) is not expressed; the API's default for the image applies")
        }
        for field in ["workingDir", "stdin", "stdinOnce", "tty", "terminationMessagePolicy", "terminationMessagePath", "resizePolicy",
                      "restartPolicy", "volumeDevices"] where container[field] != nil {
            templateNote(containerField(field), "is not expressed by a Microservice", onlyIfChanged: true)
        }
        let pullSecrets = (pod["imagePullSecrets"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        spec.imagePullSecrets = pullSecrets.isEmpty ? nil : pullSecrets
    }

    private mutating func importResources() {
        var resources = Resources()
        for (field, keyPath) in [("requests", \Resources.requests), ("limits", \Resources.limits)] {
            var list = ResourceList()
            for (resource, value) in container["resources"]?[field]?.objectValue ?? JSONObject() {
                let text = value.stringValue ?? value.intValue.map(String.init) ?? value.doubleValue.map { String($0) } ?? ""
                let quantity = Quantity(text)
                switch resource {
                case "cpu": list.cpu = quantity
                case "memory": list.memory = quantity
                case "ephemeral-storage": list.ephemeralStorage = quantity
                default:
                    templateNote(containerField("resources.\(field).\(resource)"), "only cpu, memory and ephemeral-storage are expressed")
                    continue
                }
                if quantity == nil { templateNote(containerField("resources.\(field).\(resource)"), "\"\(text)\" is not a quantity") }
            }
            if list != ResourceList() { resources[keyPath: keyPath] = list }
        }
        if container["resources"]?["claims"] != nil {
            templateNote(containerField("resources.claims"), "resource claims (DRA) are not expressed")
        }
        spec.resources = resources == Resources() ? nil : resources
    }
}
