import Checklist
import Foundation
import KubeModel

/// Generates `count` objects (Deployments with their Services, HPAs, PDBs and NetworkPolicies,
/// spread over namespaces) as one multi-document YAML text, then times parsing and auditing.
func runAuditBenchmark(count: Int) {
    let text = generatedNamespaceDump(objects: count)
    let clock = ContinuousClock()

    var sources: [SourceObject] = []
    let parse = clock.measure {
        do {
            sources = try SourceReader.objects(in: text, file: "bench.yaml")
        } catch {
            print("generated YAML does not parse: \(error)")
        }
    }
    let objects = sources.map(\.value)
    var result = AuditResult(reports: [])
    let check = clock.measure { result = Checklist().check(objects: objects) }

    print("audit benchmark: \(objects.count) objects, \(text.utf8.count / 1024) KiB of YAML")
    print("  parse  \(format(parse))  \(rate(objects.count, parse)) objects/s")
    print("  check  \(format(check))  \(rate(objects.count, check)) objects/s"
        + "  (\(result.reports.count) workloads, \(result.findings.count) findings)")
    print("  peak RSS \(peakResidentMemory() ?? "unknown")")
}

/// Five objects per service; a few services are deliberately careless so rules fail.
private func generatedNamespaceDump(objects: Int) -> String {
    var text = ""
    for index in 0..<max(1, objects / 5) {
        let name = "svc-\(index)", namespace = "team-\(index % 50)"
        let careless = index % 7 == 0
        text += """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: \(name)
              namespace: \(namespace)
              labels: { app.kubernetes.io/name: \(name), app.kubernetes.io/version: "1.\(index % 10).0" }
            spec:
              selector: { matchLabels: { app: \(name) } }
              template:
                metadata:
                  labels: { app: \(name), tier: backend }
                spec:
                  serviceAccountName: \(name)
                  automountServiceAccountToken: false
                  securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: RuntimeDefault } }
                  topologySpreadConstraints:
                    - { maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway, labelSelector: { matchLabels: { app: \(name) } } }
                  containers:
                    - name: api
                      image: registry.example.com/\(namespace)/\(name):\(careless ? "latest" : "1.\(index % 10).0")
                      ports: [ { name: http, containerPort: 8080 }, { name: metrics, containerPort: 9090 } ]
                      env:
                        - { name: LOG_LEVEL, value: info }
                        - { name: \(careless ? "DB_PASSWORD" : "REGION"), value: eu-west-1 }
                      resources:
                        requests: { cpu: 100m, memory: 128Mi }
                        limits: { \(careless ? "" : "cpu: 500m, ")memory: 256Mi }
                      readinessProbe: { httpGet: { path: /ready, port: http } }
                      livenessProbe: { httpGet: { path: /healthz, port: http } }
                      lifecycle: { preStop: { sleep: { seconds: 5 } } }
                      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [ALL] } }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: \(name), namespace: \(namespace) }
            spec:
              selector: { app: \(name) }
              ports: [ { name: http, port: 80, targetPort: http } ]
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: { name: \(name), namespace: \(namespace) }
            spec:
              scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: \(name) }
              minReplicas: \(careless ? 1 : 2)
              maxReplicas: 10
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: { name: \(name), namespace: \(namespace) }
            spec:
              \(careless ? "minAvailable: 2" : "maxUnavailable: 1")
              selector: { matchLabels: { app: \(name) } }
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: { name: \(name), namespace: \(namespace) }
            spec:
              podSelector: { matchLabels: { app: \(name) } }
              policyTypes: [Ingress]
            ---

            """
    }
    return text
}

private func rate(_ count: Int, _ duration: Duration) -> Int {
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    return seconds > 0 ? Int(Double(count) / seconds) : 0
}

private func format(_ duration: Duration) -> String {
    duration.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow))
}

/// VmHWM (the peak resident set) from /proc/self/status; nil where there is no /proc.
private func peakResidentMemory() -> String? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    return status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
        .map { $0.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces) }
}
