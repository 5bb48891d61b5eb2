import KubeModel

/// Deployments, StatefulSets, DaemonSets and ReplicaSets (`pkg/apis/apps/validation`).
extension Validation {
    private static let spec = FieldPath().key("spec")

    static func deployment(_ object: JSONValue, old: JSONValue?) -> FieldErrors {
        var errors = workload(object, replicas: true)
        let strategy = object["spec"]?["strategy"]
        let strategyPath = spec.key("strategy")
        let type = strategy?["type"]?.stringValue ?? "RollingUpdate"
        switch type {
        case "Recreate":
            if let rolling = strategy?["rollingUpdate"], !rolling.isNull {
                errors.forbidden(strategyPath.key("rollingUpdate"), "may not be specified when strategy `type` is 'Recreate'")
            }
        case "RollingUpdate":
            errors.append(rollingUpdate(strategy?["rollingUpdate"], at: strategyPath.key("rollingUpdate")))
        default:
            errors.notSupported(strategyPath.key("type"), .string(type), ["Recreate", "RollingUpdate"])
        }
        errors.append(nonNegative(object["spec"], ["minReadySeconds", "revisionHistoryLimit"], at: spec))
        if let deadline = object["spec"]?["progressDeadlineSeconds"]?.intValue {
            if deadline < 0 {
                errors.invalid(spec.key("progressDeadlineSeconds"), .integer(deadline), "must be greater than or equal to 0")
            } else if deadline <= object["spec"]?["minReadySeconds"]?.intValue ?? 0 {
                errors.invalid(spec.key("progressDeadlineSeconds"), .integer(deadline), "must be greater than minReadySeconds")
            }
        }
        if let old { errors.append(immutableSelector(object, old: old)) }
        return errors
    }

    static func statefulSet(_ object: JSONValue, old: JSONValue?) -> FieldErrors {
        var errors = workload(object, replicas: true)
        if let policy = object["spec"]?["podManagementPolicy"]?.stringValue, !["OrderedReady", "Parallel"].contains(policy) {
            errors.notSupported(spec.key("podManagementPolicy"), .string(policy), ["OrderedReady", "Parallel"])
        }
        if let type = object["spec"]?["updateStrategy"]?["type"]?.stringValue, !["OnDelete", "RollingUpdate"].contains(type) {
            errors.notSupported(spec.key("updateStrategy").key("type"), .string(type), ["OnDelete", "RollingUpdate"])
        }
        errors.append(nonNegative(object["spec"], ["minReadySeconds", "revisionHistoryLimit"], at: spec))
        if let old {
            var new = object["spec"] ?? .object([:]), previous = old["spec"] ?? .object([:])
            for field in ["replicas", "ordinals", "template", "updateStrategy", "persistentVolumeClaimRetentionPolicy", "minReadySeconds"] {
                new[field] = nil
                previous[field] = nil
            }
            if new != previous {
                errors.forbidden(spec, "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")
            }
        }
        return errors
    }

    static func daemonSet(_ object: JSONValue, old: JSONValue?) -> FieldErrors {
        var errors = workload(object, replicas: false)
        if let type = object["spec"]?["updateStrategy"]?["type"]?.stringValue, !["OnDelete", "RollingUpdate"].contains(type) {
            errors.notSupported(spec.key("updateStrategy").key("type"), .string(type), ["OnDelete", "RollingUpdate"])
        }
        errors.append(nonNegative(object["spec"], ["minReadySeconds", "revisionHistoryLimit"], at: spec))
        if let old { errors.append(immutableSelector(object, old: old)) }
        return errors
    }

    static func replicaSet(_ object: JSONValue, old: JSONValue?) -> FieldErrors {
        var errors = workload(object, replicas: true)
        errors.append(nonNegative(object["spec"], ["minReadySeconds"], at: spec))
        if let old { errors.append(immutableSelector(object, old: old)) }
        return errors
    }

    /// What every apps/v1 workload shares: replicas, a selector its template's labels match,
    /// and a template whose pods restart `Always`.
    private static func workload(_ object: JSONValue, replicas: Bool) -> FieldErrors {
        var errors = FieldErrors()
        if replicas { errors.append(nonNegative(object["spec"], ["replicas"], at: spec)) }
        let selector = object["spec"]?["selector"]
        if let selector, !selector.isNull {
            errors.append(labelSelector(selector, at: spec.key("selector")))
            if (selector["matchLabels"]?.objectValue ?? JSONObject()).isEmpty && (selector["matchExpressions"]?.arrayValue ?? []).isEmpty {
                errors.invalid(spec.key("selector"), selector, "empty selector is invalid for deployment")
            }
        } else {
            errors.required(spec.key("selector"))
        }
        let template = object["spec"]?["template"]
        let labels = template?["metadata"]?["labels"] ?? .object([:])
        let matched = selector.flatMap(LabelSelector.init(selector:))?.matches(labels.objectValue ?? JSONObject()) ?? false
        if !matched {
            errors.invalid(spec.key("template").key("metadata").key("labels"), labels, "`selector` does not match template `labels`")
        }
        errors.append(podTemplate(template, at: spec.key("template")))
        errors.append(templateRestartPolicy(template, at: spec.key("template"), allowed: ["Always"]))
        return errors
    }

    /// `maxUnavailable` and `maxSurge`: counts or percentages, not both zero.
    private static func rollingUpdate(_ rolling: JSONValue?, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        guard let rolling, !rolling.isNull else { return errors }
        for field in ["maxUnavailable", "maxSurge"] {
            if let value = rolling[field] { errors.append(intOrPercent(value, at: path.key(field))) }
        }
        if let unavailable = rolling["maxUnavailable"], isZero(unavailable), let surge = rolling["maxSurge"], isZero(surge) {
            errors.invalid(path.key("maxUnavailable"), unavailable, "may not be 0 when `maxSurge` is 0")
        }
        return errors
    }

    private static func isZero(_ value: JSONValue) -> Bool {
        value.intValue == 0 || value.stringValue == "0%" || value.stringValue == "0"
    }

    /// apps/v1 selectors cannot change.
    private static func immutableSelector(_ object: JSONValue, old: JSONValue) -> FieldErrors {
        var errors = FieldErrors()
        let selector = object["spec"]?["selector"] ?? .null
        if selector != (old["spec"]?["selector"] ?? .null) {
            errors.invalid(spec.key("selector"), selector, "field is immutable")
        }
        return errors
    }

    /// Integer fields of `spec` that may not be negative.
    static func nonNegative(_ spec: JSONValue?, _ fields: [String], at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        for field in fields {
            if let value = spec?[field]?.intValue, value < 0 {
                errors.invalid(path.key(field), .integer(value), "must be greater than or equal to 0")
            }
        }
        return errors
    }
}
