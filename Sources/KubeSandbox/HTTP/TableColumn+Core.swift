import Foundation
import KubeModel

/// The API server's Table columns for the core, networking, coordination, RBAC and admission
/// kinds, by storage key.
extension TableColumn {
    static let cluster: [String: [TableColumn]] = [
        "configmaps": [
            name,
            TableColumn("Data", "Data contains the configuration data.") { object, _ in
                .integer((object["data"]?.objectValue?.count ?? 0) + (object["binaryData"]?.objectValue?.count ?? 0))
            }.documented(by: "io.k8s.api.core.v1.ConfigMap", "data"),
            age,
        ],
        "secrets": [
            name,
            TableColumn("Type", "The type of the secret") { object, _ in object["type"] ?? "Opaque" },
            TableColumn("Data", "Data contains the secret data.") { object, _ in .integer(object["data"]?.objectValue?.count ?? 0) },
            age,
        ],
        "serviceaccounts": [
            name,
            TableColumn("Secrets", "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.") { object, _ in
                .integer(object["secrets"]?.arrayValue?.count ?? 0)
            },
            age,
        ],
        "services": services,
        "namespaces": [
            name,
            TableColumn("Status", "The status of the namespace") { object, _ in object["status"]?["phase"] ?? "Active" },
            age,
        ],
        "events": events,
        "events.events.k8s.io": events,
        "endpoints": [
            name,
            TableColumn("Endpoints", "Endpoints of this service") { object, _ in
                let addresses = (object["subsets"]?.arrayValue ?? []).flatMap { subset in
                    let ports = (subset["ports"]?.arrayValue ?? []).compactMap { $0["port"]?.intValue }
                    return (subset["addresses"]?.arrayValue ?? []).compactMap { $0["ip"]?.stringValue }.flatMap { ip in
                        ports.isEmpty ? [ip] : ports.map { "\(ip):\($0)" }
                    }
                }
                return .string(TableText.list(addresses))
            },
            age,
        ],
        "persistentvolumeclaims": [
            name,
            TableColumn("Status", "The phase of the claim") { object, _ in object["status"]?["phase"] ?? "Pending" },
            TableColumn("Volume", "The volume bound to the claim") { object, _ in object["spec"]?["volumeName"] ?? "" },
            TableColumn("Capacity", "The capacity of the bound volume") { object, _ in object["status"]?["capacity"]?["storage"] ?? "" },
            TableColumn("Access Modes", "The access modes of the bound volume") { object, _ in
                .string(TableText.strings(object["status"]?["accessModes"]).map(Self.accessMode).joined(separator: ","))
            },
            TableColumn("StorageClass", "The storage class of the claim") { object, _ in .string(object["spec"]?["storageClassName"]?.stringValue ?? "<unset>") },
            TableColumn("VolumeAttributesClass", "The volume attributes class of the claim") { object, _ in
                .string(object["spec"]?["volumeAttributesClassName"]?.stringValue ?? "<unset>")
            },
            age,
            TableColumn("VolumeMode", priority: 1, "The volume mode of the claim") { object, _ in object["spec"]?["volumeMode"] ?? "Filesystem" },
        ],
        "nodes": [
            name,
            TableColumn("Status", "The status of the node") { object, _ in
                let ready = (object["status"]?["conditions"]?.arrayValue ?? []).first { $0["type"] == "Ready" }
                return .string(ready?["status"] == "True" ? "Ready" : "NotReady")
            },
            TableColumn("Roles", "The roles of the node") { object, _ in
                let roles = (object["metadata"]?["labels"]?.objectValue.map { Array($0.keys) } ?? [])
                    .filter { $0.hasPrefix("node-role.kubernetes.io/") }.map { String($0.dropFirst("node-role.kubernetes.io/".count)) }
                return .string(TableText.list(roles.sorted()))
            },
            age,
            TableColumn("Version", "Kubelet Version reported by the node.") { object, _ in object["status"]?["nodeInfo"]?["kubeletVersion"] ?? "" },
        ],
        "networkpolicies.networking.k8s.io": [
            name,
            TableColumn("Pod-Selector", "Selects the pods to which this NetworkPolicy object applies.") { object, _ in
                .string(TableText.selector(object["spec"]?["podSelector"]))
            },
            age,
        ],
        "ingresses.networking.k8s.io": [
            name,
            TableColumn("Class", "The name of the IngressClass resource.") { object, _ in .string(object["spec"]?["ingressClassName"]?.stringValue ?? "<none>") },
            TableColumn("Hosts", "Hosts that incoming requests are matched against before the ingress rule") { object, _ in
                let hosts = (object["spec"]?["rules"]?.arrayValue ?? []).compactMap { $0["host"]?.stringValue }
                return .string(hosts.isEmpty ? "*" : hosts.joined(separator: ","))
            },
            TableColumn("Address", "Address is a list containing ingress points for the load-balancer") { object, _ in
                let points = (object["status"]?["loadBalancer"]?["ingress"]?.arrayValue ?? []).compactMap { $0["ip"]?.stringValue ?? $0["hostname"]?.stringValue }
                return .string(points.joined(separator: ","))
            },
            TableColumn("Ports", "Ports of TLS configurations that open") { object, _ in
                .string(object["spec"]?["tls"]?.arrayValue?.isEmpty == false ? "80, 443" : "80")
            },
            age,
        ],
        "leases.coordination.k8s.io": [
            name,
            TableColumn("Holder", "The holder of the lease") { object, _ in object["spec"]?["holderIdentity"] ?? "" },
            age,
        ],
        "roles.rbac.authorization.k8s.io": [name, roleCreatedAt],
        "clusterroles.rbac.authorization.k8s.io": [name, roleCreatedAt],
        "rolebindings.rbac.authorization.k8s.io": bindings,
        "clusterrolebindings.rbac.authorization.k8s.io": bindings,
        "validatingwebhookconfigurations.admissionregistration.k8s.io": webhookConfigurations,
        "mutatingwebhookconfigurations.admissionregistration.k8s.io": webhookConfigurations,
    ]

    static let services: [TableColumn] = [
        name,
        TableColumn("Type", "type determines how the Service is exposed. Defaults to ClusterIP.") { object, _ in object["spec"]?["type"] ?? "ClusterIP" }
            .documented(by: serviceSpec, "type"),
        TableColumn("Cluster-IP", "clusterIP is the IP address of the service and is usually assigned randomly.") { object, _ in
            .string(object["spec"]?["clusterIP"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "<none>")
        }.documented(by: serviceSpec, "clusterIP"),
        TableColumn("External-IP", "externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.") { object, _ in
            .string(externalIP(object))
        }.documented(by: serviceSpec, "externalIPs"),
        TableColumn("Port(s)", "The list of ports that are exposed by this service.") { object, _ in
            let ports = (object["spec"]?["ports"]?.arrayValue ?? []).map { port -> String in
                let number = TableText.integer(port["port"]), proto = port["protocol"]?.stringValue ?? "TCP"
                return port["nodePort"]?.intValue.map { "\(number):\($0)/\(proto)" } ?? "\(number)/\(proto)"
            }
            return .string(TableText.list(ports))
        }.documented(by: serviceSpec, "ports"),
        age,
        TableColumn("Selector", priority: 1, "Route service traffic to pods with label keys and values matching this selector.") { object, _ in
            .string(TableText.labels(object["spec"]?["selector"]))
        }.documented(by: serviceSpec, "selector"),
    ]

    private static let serviceSpec = "io.k8s.api.core.v1.ServiceSpec"

    private static func externalIP(_ service: JSONValue) -> String {
        let external = TableText.strings(service["spec"]?["externalIPs"])
        switch service["spec"]?["type"]?.stringValue {
        case "ExternalName": return service["spec"]?["externalName"]?.stringValue ?? "<none>"
        case "LoadBalancer":
            let ingress = (service["status"]?["loadBalancer"]?["ingress"]?.arrayValue ?? []).compactMap { $0["ip"]?.stringValue ?? $0["hostname"]?.stringValue }
            let all = ingress + external
            return all.isEmpty ? "<pending>" : all.joined(separator: ",")
        default: return TableText.list(external)
        }
    }

    private static func accessMode(_ mode: String) -> String {
        ["ReadWriteOnce": "RWO", "ReadOnlyMany": "ROX", "ReadWriteMany": "RWX", "ReadWriteOncePod": "RWOP"][mode] ?? mode
    }

    static let events: [TableColumn] = [
        TableColumn("Last Seen", "Time when this Event was last observed") { object, now in
            .string(ageSince(object["lastTimestamp"] ?? object["series"]?["lastObservedTime"] ?? object["eventTime"] ?? object["metadata"]?["creationTimestamp"], now: now))
        },
        TableColumn("Type", "Type of this event (Normal, Warning), new types could be added in the future.") { object, _ in object["type"] ?? "" },
        TableColumn("Reason", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.") { object, _ in
            object["reason"] ?? ""
        },
        TableColumn("Object", "The object that this event is about.") { object, _ in
            let target = object["involvedObject"] ?? object["regarding"]
            return .string("\(target?["kind"]?.stringValue?.lowercased() ?? "")/\(target?["name"]?.stringValue ?? "")")
        },
        TableColumn("Subobject", priority: 1, "The subobject that this event is about.") { object, _ in
            (object["involvedObject"] ?? object["regarding"])?["fieldPath"] ?? ""
        },
        TableColumn("Source", priority: 1, "The component reporting this event.") { object, _ in
            object["source"]?["component"] ?? object["reportingController"] ?? object["reportingComponent"] ?? ""
        },
        TableColumn("Message", "A human-readable description of the status of this operation.") { object, _ in object["message"] ?? object["note"] ?? "" },
        TableColumn("First Seen", priority: 1, "The time at which the event was first recorded.") { object, now in
            .string(ageSince(object["firstTimestamp"] ?? object["eventTime"] ?? object["metadata"]?["creationTimestamp"], now: now))
        },
        TableColumn("Count", priority: 1, "The number of times this event has occurred.") { object, _ in
            .integer(object["count"]?.intValue ?? object["series"]?["count"]?.intValue ?? 1)
        },
        TableColumn("Name", priority: 1, nameDescription) { object, _ in object["metadata"]?["name"] ?? .null },
    ]

    static let roleCreatedAt = TableColumn("Created At", createdDescription) { object, _ in
        object["metadata"]?["creationTimestamp"] ?? .null
    }

    static let bindings: [TableColumn] = [
        name,
        TableColumn("Role", "Role references the Role or ClusterRole being granted.") { object, _ in
            .string("\(object["roleRef"]?["kind"]?.stringValue ?? "")/\(object["roleRef"]?["name"]?.stringValue ?? "")")
        },
        age,
        TableColumn("Users", priority: 1, "Users in the binding") { object, _ in .string(subjects(object, kind: "User")) },
        TableColumn("Groups", priority: 1, "Groups in the binding") { object, _ in .string(subjects(object, kind: "Group")) },
        TableColumn("ServiceAccounts", priority: 1, "ServiceAccounts in the binding") { object, _ in .string(subjects(object, kind: "ServiceAccount")) },
    ]

    private static func subjects(_ binding: JSONValue, kind: String) -> String {
        (binding["subjects"]?.arrayValue ?? []).filter { $0["kind"]?.stringValue == kind }.map { subject in
            let name = subject["name"]?.stringValue ?? ""
            guard kind == "ServiceAccount" else { return name }
            return "\(subject["namespace"]?.stringValue ?? ""):\(name)"
        }.joined(separator: ", ")
    }

    static let webhookConfigurations: [TableColumn] = [
        name,
        TableColumn("Webhooks", "Webhooks is a list of webhooks and the affected resources and operations.") { object, _ in
            .integer(object["webhooks"]?.arrayValue?.count ?? 0)
        },
        age,
    ]
}
