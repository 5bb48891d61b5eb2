import KubeModel
import ShipshapeAPI

extension RuleDefinition {
    static let noHostNamespaces = RuleDefinition(
        rule: Rule(
            id: "no-host-namespaces", category: .security, defaultSeverity: .error,
            title: "Pods do not share the host's network, PID or IPC namespace",
            remediation: "Remove hostNetwork, hostPID and hostIPC (or set them false); expose ports through a Service.",
            pss: .baseline,
            failingExample: "spec:\n  hostNetwork: true",
            passingExample: "spec:\n  hostNetwork: false"),
        workload: { subject in
            let workload = subject.workload
            return .from(["hostNetwork", "hostPID", "hostIPC"].filter { workload.podSpec[$0].isTrue }.map {
                Violation(workload.podSpecPath.key($0), "is true")
            })
        },
        microservice: { _ in .pass })  // a Microservice cannot ask for them

    static let noHostPath = RuleDefinition(
        rule: Rule(
            id: "no-host-path", category: .security, defaultSeverity: .error,
            title: "Pods mount no hostPath volumes",
            remediation: "Use a ConfigMap, Secret, emptyDir or PersistentVolumeClaim instead of a hostPath volume.",
            pss: .baseline,
            failingExample: "volumes:\n  - name: docker\n    hostPath: { path: /var/run/docker.sock }",
            passingExample: "volumes:\n  - name: cache\n    emptyDir: {}"),
        workload: { subject in
            let workload = subject.workload
            return .from((workload.podSpec["volumes"]?.elements ?? []).enumerated().compactMap { index, volume in
                guard let hostPath = volume["hostPath"], !hostPath.isNull else { return nil }
                let path = workload.podSpecPath.key("volumes").index(index, name: volume["name"]?.stringValue).key("hostPath")
                return Violation(path, "mounts \(hostPath["path"]?.stringValue ?? "a path") from the node")
            })
        },
        microservice: { _ in .pass })

    static let noHostPort = RuleDefinition(
        rule: Rule(
            id: "no-host-port", category: .security, defaultSeverity: .warning,
            title: "Containers bind no host ports",
            remediation: "Remove ports[].hostPort and reach the pods through a Service (NodePort or LoadBalancer if it must be external).",
            pss: .baseline,
            failingExample: "ports:\n  - { containerPort: 8080, hostPort: 80 }",
            passingExample: "ports:\n  - { name: http, containerPort: 8080 }"),
        workload: { subject in
            .from(subject.workload.containers().flatMap { container in
                (container.value["ports"]?.elements ?? []).enumerated().compactMap { index, port -> Violation? in
                    guard let hostPort = port["hostPort"]?.intValue, hostPort != 0 else { return nil }
                    let path = container.path.key("ports").index(index, name: port["name"]?.stringValue).key("hostPort")
                    return Violation(path, "is \(hostPort)")
                }
            })
        },
        microservice: { _ in .pass })
}
