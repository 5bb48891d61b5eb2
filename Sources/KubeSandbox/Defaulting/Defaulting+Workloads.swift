import KubeModel

/// apps/v1 and batch/v1 defaults: Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob.
extension Defaulting {
    static func deploymentSpec(_ spec: JSONValue) -> JSONValue {
        var spec = spec
        setDefault(&spec, "replicas", 1)
        setDefault(&spec, "strategy", .object([:]))
        setDefault(&spec["strategy", default: .null], "type", "RollingUpdate")
        if spec["strategy"]?["type"]?.stringValue == "RollingUpdate" {
            setDefault(&spec["strategy", default: .null], "rollingUpdate", .object([:]))
            setDefault(&spec["strategy", default: .null]["rollingUpdate", default: .null], "maxUnavailable", "25%")
            setDefault(&spec["strategy", default: .null]["rollingUpdate", default: .null], "maxSurge", "25%")
        }
        setDefault(&spec, "revisionHistoryLimit", 10)
        setDefault(&spec, "progressDeadlineSeconds", 600)
        spec["template"] = spec["template"].map(podTemplate)
        return spec
    }

    static func replicaSetSpec(_ spec: JSONValue) -> JSONValue {
        var spec = spec
        setDefault(&spec, "replicas", 1)
        spec["template"] = spec["template"].map(podTemplate)
        return spec
    }

    static func statefulSetSpec(_ spec: JSONValue) -> JSONValue {
        var spec = spec
        setDefault(&spec, "replicas", 1)
        setDefault(&spec, "podManagementPolicy", "OrderedReady")
        setDefault(&spec, "updateStrategy", .object([:]))
        setDefault(&spec["updateStrategy", default: .null], "type", "RollingUpdate")
        if spec["updateStrategy"]?["type"]?.stringValue == "RollingUpdate" {
            setDefault(&spec["updateStrategy", default: .null], "rollingUpdate", .object([:]))
            setDefault(&spec["updateStrategy", default: .null]["rollingUpdate", default: .null], "partition", 0)
        }
        setDefault(&spec, "revisionHistoryLimit", 10)
        setDefault(&spec, "persistentVolumeClaimRetentionPolicy", .object([:]))
        setDefault(&spec["persistentVolumeClaimRetentionPolicy", default: .null], "whenDeleted", "Retain")
        setDefault(&spec["persistentVolumeClaimRetentionPolicy", default: .null], "whenScaled", "Retain")
        eachItem(&spec, "volumeClaimTemplates") { claim in
            var claim = claim
            claim["spec"] = claimSpec(claim["spec"] ?? .object([:]))
            setDefault(&claim, "status", ["phase": "Pending"])
            return claim
        }
        spec["template"] = spec["template"].map(podTemplate)
        return spec
    }

    static func daemonSetSpec(_ spec: JSONValue) -> JSONValue {
        var spec = spec
        setDefault(&spec, "updateStrategy", .object([:]))
        setDefault(&spec["updateStrategy", default: .null], "type", "RollingUpdate")
        if spec["updateStrategy"]?["type"]?.stringValue == "RollingUpdate" {
            setDefault(&spec["updateStrategy", default: .null], "rollingUpdate", .object([:]))
            setDefault(&spec["updateStrategy", default: .null]["rollingUpdate", default: .null], "maxUnavailable", 1)
            setDefault(&spec["updateStrategy", default: .null]["rollingUpdate", default: .null], "maxSurge", 0)
        }
        setDefault(&spec, "revisionHistoryLimit", 10)
        spec["template"] = spec["template"].map(podTemplate)
        return spec
    }

    static func jobSpec(_ spec: JSONValue) -> JSONValue {
        var spec = spec
        if spec["completions"] == nil, spec["parallelism"] == nil { spec["completions"] = 1 }
        setDefault(&spec, "parallelism", 1)
        setDefault(&spec, "backoffLimit", spec["backoffLimitPerIndex"] == nil ? 6 : .integer(Int(Int32.max)))
        setDefault(&spec, "completionMode", "NonIndexed")
        setDefault(&spec, "suspend", false)
        setDefault(&spec, "podReplacementPolicy", spec["podFailurePolicy"] == nil ? "TerminatingOrFailed" : "Failed")
        setDefault(&spec, "manualSelector", false)
        spec["template"] = spec["template"].map(podTemplate)
        return spec
    }

    static func cronJobSpec(_ spec: JSONValue) -> JSONValue {
        var spec = spec
        setDefault(&spec, "concurrencyPolicy", "Allow")
        setDefault(&spec, "suspend", false)
        setDefault(&spec, "successfulJobsHistoryLimit", 3)
        setDefault(&spec, "failedJobsHistoryLimit", 1)
        if let template = spec["jobTemplate"]?["spec"]?["template"] {
            spec["jobTemplate"]?["spec"]?["template"] = podTemplate(template)
        }
        return spec
    }

    static func claimSpec(_ spec: JSONValue) -> JSONValue {
        var spec = spec
        setDefault(&spec, "volumeMode", "Filesystem")
        return spec
    }
}
