import KubeModel
import ShipshapeAPI

extension DeploymentImport {
    /// Replicas, or autoscaling from the HPA that targets the Deployment; availability from the
    /// PodDisruptionBudget that selects its pods and from its topology spread.
    mutating func importScaling() {
        let deploymentSpec = deployment.value["spec"]
        if let hpa = related.autoscalers.first {
            spec.autoscaling = autoscaling(from: hpa)
            if deploymentSpec?["replicas"] != nil {
                objectNote("Deployment spec.replicas", "left to the HorizontalPodAutoscaler (\(hpa.name))")
            }
            for other in related.autoscalers.dropFirst() { objectNote(other.reference, "a second autoscaler for the Deployment is not expressed") }
        } else if let replicas = deploymentSpec?["replicas"]?.intValue {
            spec.replicas = replicas
        } else {
            objectChanges.append("Deployment replicas: \(Defaults.replicas) (Shipshape's default; the original set none, so ran 1)")
        }
        var availability = Availability()
        if let budget = related.disruptionBudgets.first {
            let budgetSpec = budget.value["spec"]
            availability.minAvailable = Self.intOrString(budgetSpec?["minAvailable"])
            availability.maxUnavailable = Self.intOrString(budgetSpec?["maxUnavailable"])
            if let policy = budgetSpec?["unhealthyPodEvictionPolicy"]?.stringValue, policy != "AlwaysAllow" {
                objectNote(budget.reference, "unhealthyPodEvictionPolicy \(policy) becomes AlwaysAllow")
            }
            if budget.name != name { objectNote(budget.reference, "Shipshape renders its budget as \(name); this one is not adopted") }
            for other in related.disruptionBudgets.dropFirst() { objectNote(other.reference, "a second budget for the pods is not expressed") }
        } else if (spec.autoscaling?.maxReplicas ?? spec.replicas ?? Defaults.replicas) > 1 {
            objectChanges.append("PodDisruptionBudget \(name) is created (maxUnavailable \(1)); none selected these pods")
        }
        if let constraints = pod["topologySpreadConstraints"]?.arrayValue, !constraints.isEmpty {
            let zones = constraints.contains { $0["topologyKey"]?.stringValue == "topology.kubernetes.io/zone" }
            if !zones { availability.spreadAcrossZones = false }
            templateNote("spec.topologySpreadConstraints", "Shipshape renders its own spread (maxSkew 1, ScheduleAnyway, "
                + "by \(zones ? "zone and " : "")node) in place of these constraints", onlyIfChanged: true)
        }
        spec.availability = availability == Availability() ? nil : availability
        let strategy = deploymentSpec?["strategy"]
        if let type = strategy?["type"]?.stringValue, type != "RollingUpdate" {
            objectNote("Deployment spec.strategy", "\(type) becomes RollingUpdate (maxSurge 25%, maxUnavailable 0)")
        }
        let apiDefaults: [String: JSONValue] = ["minReadySeconds": 0, "progressDeadlineSeconds": 600, "paused": false]
        for (field, byDefault) in apiDefaults.sorted(by: { $0.key < $1.key }) {
            guard let value = deploymentSpec?[field], value != byDefault else { continue }
            objectNote("Deployment spec.\(field)", "\(value.jsonText()) is not expressed")
        }
    }

    private mutating func autoscaling(from hpa: ImportInput) -> Autoscaling {
        let hpaSpec = hpa.value["spec"]
        var autoscaling = Autoscaling(minReplicas: hpaSpec?["minReplicas"]?.intValue, maxReplicas: hpaSpec?["maxReplicas"]?.intValue ?? 1)
        if let cpu = hpaSpec?["targetCPUUtilizationPercentage"]?.intValue { autoscaling.cpuUtilization = cpu }
        for metric in hpaSpec?["metrics"]?.arrayValue ?? [] {
            let resource = metric["resource"]
            let utilization = resource?["target"]?["averageUtilization"]?.intValue ?? resource?["targetAverageUtilization"]?.intValue
            switch (metric["type"]?.stringValue, resource?["name"]?.stringValue, utilization) {
            case ("Resource", "cpu", let value?): autoscaling.cpuUtilization = value
            case ("Resource", "memory", let value?): autoscaling.memoryUtilization = value
            default: continue
            }
        }
        let expressed = (autoscaling.cpuUtilization == nil ? 0 : 1) + (autoscaling.memoryUtilization == nil ? 0 : 1)
        let given = hpaSpec?["metrics"]?.arrayValue?.count ?? 0
        if given > expressed { objectNote(hpa.reference, "only CPU and memory utilization targets are expressed; \(given - expressed) other metric(s) are not") }
        if hpaSpec?["behavior"] != nil { objectNote(hpa.reference, "spec.behavior (scaling policies) is not expressed") }
        if hpaSpec?["minReplicas"] == nil {
            objectChanges.append("HorizontalPodAutoscaler minReplicas: \(Defaults.minReplicas) (Shipshape's default; the original set none, so 1)")
        }
        return autoscaling
    }

    private static func intOrString(_ value: JSONValue?) -> IntOrString? {
        if let number = value?.intValue { return .int(number) }
        return value?.stringValue.map(IntOrString.string)
    }
}
