import Foundation
import KubeModel

/// The API server's Table columns for Pods and the workload kinds (what `kubectl get` and
/// `kubectl get -o wide` print).
extension TableColumn {
    /// The columns of a built-in kind, nil for kinds the API server prints with its default Table.
    static func builtin(_ type: ServedResource) -> [TableColumn]? {
        switch type.storageKey {
        case "pods": return pods
        case "deployments.apps": return deployments
        case "replicasets.apps": return replicaSets
        case "statefulsets.apps": return statefulSets
        case "daemonsets.apps": return daemonSets
        case "jobs.batch": return jobs
        case "cronjobs.batch": return cronJobs
        case "horizontalpodautoscalers.autoscaling": return horizontalPodAutoscalers
        case "poddisruptionbudgets.policy": return podDisruptionBudgets
        default: return cluster[type.storageKey]
        }
    }

    private static func integer(_ path: String...) -> @Sendable (JSONValue, Date) -> JSONValue {
        { object, _ in .integer(TableText.integer(path.reduce(Optional(object)) { $0?[$1] })) }
    }

    /// Containers, Images and (with `selector`) Selector, documented by `spec`'s selector if given.
    private static func templateColumns(selector: Bool = true, spec: String? = nil) -> [TableColumn] {
        var columns = [
            TableColumn("Containers", priority: 1, "Names of each container in the template.") { object, _ in
                .string(TableText.containers(object["spec"]?["template"]?["spec"]).names)
            },
            TableColumn("Images", priority: 1, "Images referenced by each container in the template.") { object, _ in
                .string(TableText.containers(object["spec"]?["template"]?["spec"]).images)
            },
        ]
        if selector {
            var column = TableColumn("Selector", priority: 1, "Label selector for pods.") { object, _ in
                .string(TableText.selector(object["spec"]?["selector"]))
            }
            if let spec { column = column.documented(by: spec, "selector") }
            columns.append(column)
        }
        return columns
    }

    static let pods: [TableColumn] = [
        name,
        TableColumn("Ready", "The aggregate readiness state of this pod for accepting traffic.") { object, _ in
            let total = object["spec"]?["containers"]?.arrayValue?.count ?? 0
            let ready = (object["status"]?["containerStatuses"]?.arrayValue ?? []).filter { $0["ready"]?.boolValue == true }.count
            return .string("\(ready)/\(total)")
        },
        TableColumn("Status", "The aggregate status of the containers in this pod.") { object, _ in
            if object["metadata"]?["deletionTimestamp"] != nil { return "Terminating" }
            for status in object["status"]?["containerStatuses"]?.arrayValue ?? [] {
                if let reason = status["state"]?["waiting"]?["reason"]?.stringValue ?? status["state"]?["terminated"]?["reason"]?.stringValue {
                    return .string(reason)
                }
            }
            return object["status"]?["reason"] ?? object["status"]?["phase"] ?? "Pending"
        },
        TableColumn("Restarts", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.") { object, _ in
            .string(String((object["status"]?["containerStatuses"]?.arrayValue ?? []).reduce(0) { $0 + TableText.integer($1["restartCount"]) }))
        },
        age,
        TableColumn("IP", priority: 1, "The IP address assigned to the pod") { object, _ in
            .string(object["status"]?["podIP"]?.stringValue ?? "<none>")
        },
        TableColumn("Node", priority: 1, "The node the pod is assigned to") { object, _ in
            .string(object["spec"]?["nodeName"]?.stringValue ?? "<none>")
        },
        TableColumn("Nominated Node", priority: 1, "The node the pod is nominated to") { object, _ in
            .string(object["status"]?["nominatedNodeName"]?.stringValue ?? "<none>")
        },
        TableColumn("Readiness Gates", priority: 1, "The readiness gates of the pod") { object, _ in
            let gates = (object["spec"]?["readinessGates"]?.arrayValue ?? []).compactMap { $0["conditionType"]?.stringValue }
            return .string(TableText.list(gates))
        },
    ]

    static let deployments: [TableColumn] = [
        name,
        TableColumn("Ready", "Number of the pod with ready state") { object, _ in
            .string("\(TableText.integer(object["status"]?["readyReplicas"]))/\(TableText.integer(object["spec"]?["replicas"]))")
        },
        TableColumn("Up-to-date", "Total number of non-terminating pods targeted by this deployment that have the desired template spec.",
                    cell: integer("status", "updatedReplicas")),
        TableColumn("Available", "Total number of available non-terminating pods (ready for at least minReadySeconds) targeted by this deployment.",
                    cell: integer("status", "availableReplicas")),
        age,
    ] + templateColumns(spec: "io.k8s.api.apps.v1.DeploymentSpec")

    static let replicaSets: [TableColumn] = [
        name,
        TableColumn("Desired", "Number of desired pods.", cell: integer("spec", "replicas")),
        TableColumn("Current", "Number of actual replicas.", cell: integer("status", "replicas")),
        TableColumn("Ready", "The number of ready replicas for this replica set.", cell: integer("status", "readyReplicas")),
        age,
    ] + templateColumns()

    static let statefulSets: [TableColumn] = [
        name,
        TableColumn("Ready", "Number of the pod with ready state") { object, _ in
            .string("\(TableText.integer(object["status"]?["readyReplicas"]))/\(TableText.integer(object["spec"]?["replicas"]))")
        },
        age,
    ] + templateColumns(selector: false)

    static let daemonSets: [TableColumn] = [
        name,
        TableColumn("Desired", "The total number of nodes that should be running the daemon pod.", cell: integer("status", "desiredNumberScheduled")),
        TableColumn("Current", "The number of nodes running at least one daemon pod.", cell: integer("status", "currentNumberScheduled")),
        TableColumn("Ready", "The number of nodes that should be running the daemon pod and have it running and ready.", cell: integer("status", "numberReady")),
        TableColumn("Up-to-date", "The total number of nodes that are running the updated daemon pod", cell: integer("status", "updatedNumberScheduled")),
        TableColumn("Available", "The number of nodes that should be running the daemon pod and have it running and available.", cell: integer("status", "numberAvailable")),
        TableColumn("Node Selector", "NodeSelector is a selector which must be true for the pod to fit on a node.") { object, _ in
            .string(TableText.labels(object["spec"]?["template"]?["spec"]?["nodeSelector"]))
        },
        age,
    ] + templateColumns()

    static let jobs: [TableColumn] = [
        name,
        TableColumn("Status", "Status of the job.") { object, _ in
            let conditions = (object["status"]?["conditions"]?.arrayValue ?? []).filter { $0["status"] == "True" }
            for (type, text) in [("Complete", "Complete"), ("Failed", "Failed"), ("FailureTarget", "FailureTarget"), ("Suspended", "Suspended")]
            where conditions.contains(where: { $0["type"]?.stringValue == type }) {
                return .string(text)
            }
            return "Running"
        },
        TableColumn("Completions", "The desired number of successfully finished pods the job should be run with.") { object, _ in
            let succeeded = TableText.integer(object["status"]?["succeeded"])
            let completions = object["spec"]?["completions"]?.intValue
            return .string(completions.map { "\(succeeded)/\($0)" } ?? "\(succeeded)/1 of \(max(1, TableText.integer(object["spec"]?["parallelism"])))")
        },
        TableColumn("Duration", "Time required to complete the job.") { object, now in
            guard object["status"]?["startTime"] != nil else { return "" }
            return .string(ageSince(object["status"]?["startTime"], now: now))
        },
        age,
    ] + templateColumns()

    static let cronJobs: [TableColumn] = [
        name,
        TableColumn("Schedule", "The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.") { object, _ in object["spec"]?["schedule"] ?? "" },
        TableColumn("Timezone", "The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones.") { object, _ in
            .string(object["spec"]?["timeZone"]?.stringValue ?? "<none>")
        },
        TableColumn("Suspend", "This flag tells the controller to suspend subsequent executions.") { object, _ in
            .string(object["spec"]?["suspend"]?.boolValue == true ? "True" : "False")
        },
        TableColumn("Active", "A list of pointers to currently running jobs.") { object, _ in
            .integer(object["status"]?["active"]?.arrayValue?.count ?? 0)
        },
        TableColumn("Last Schedule", "Information when was the last time the job was successfully scheduled.") { object, now in
            .string(object["status"]?["lastScheduleTime"] == nil ? "<none>" : ageSince(object["status"]?["lastScheduleTime"], now: now))
        },
        age,
        TableColumn("Containers", priority: 1, "Names of each container in the template.") { object, _ in
            .string(TableText.containers(object["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"]).names)
        },
        TableColumn("Images", priority: 1, "Images referenced by each container in the template.") { object, _ in
            .string(TableText.containers(object["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"]).images)
        },
        TableColumn("Selector", priority: 1, "A label query over pods that should match the pod count.") { object, _ in
            .string(TableText.selector(object["spec"]?["jobTemplate"]?["spec"]?["selector"]))
        },
    ]

    static let horizontalPodAutoscalers: [TableColumn] = [
        name,
        TableColumn("Reference", "Reference to target resource") { object, _ in
            let target = object["spec"]?["scaleTargetRef"]
            return .string("\(target?["kind"]?.stringValue ?? "")/\(target?["name"]?.stringValue ?? "")")
        },
        TableColumn("Targets", "Current and target utilization") { object, _ in
            let metrics = object["spec"]?["metrics"]?.arrayValue ?? []
            guard !metrics.isEmpty else { return "<none>" }
            return .string(metrics.map { metric in
                let target = metric["resource"]?["target"]
                let wanted = target?["averageUtilization"]?.intValue.map { "\($0)%" } ?? target?["averageValue"]?.stringValue ?? target?["value"]?.stringValue ?? "<unset>"
                return "\(metric["resource"]?["name"]?.stringValue.map { $0 + ": " } ?? "")<unknown>/\(wanted)"
            }.joined(separator: ", "))
        },
        TableColumn("MinPods", "Minimum number of replicas") { object, _ in .integer(object["spec"]?["minReplicas"]?.intValue ?? 1) },
        TableColumn("MaxPods", "Maximum number of replicas", cell: integer("spec", "maxReplicas")),
        TableColumn("Replicas", "Current replicas", cell: integer("status", "currentReplicas")),
        age,
    ]

    static let podDisruptionBudgets: [TableColumn] = [
        name,
        TableColumn("Min Available", "The minimum number of pods that must be available simultaneously after an eviction") { object, _ in
            .string(object["spec"]?["minAvailable"].map { $0.stringValue ?? $0.jsonText() } ?? "N/A")
        },
        TableColumn("Max Unavailable", "The maximum number of pods that may be unavailable after an eviction") { object, _ in
            .string(object["spec"]?["maxUnavailable"].map { $0.stringValue ?? $0.jsonText() } ?? "N/A")
        },
        TableColumn("Allowed Disruptions", "Calculated number of pods that may be disrupted at this time", cell: integer("status", "disruptionsAllowed")),
        age,
    ]
}
