import Checklist
import Foundation
import KubeModel

/// Generates `count` objects (Deployments with their Services, HPAs, PDBs and NetworkPolicies,
/// spread over namespaces) as one multi-document YAML text, then times parsing and auditing.
enum AuditBenchmark: Benchmark {
    static let name = "audit"
    static let summary = "[--count 10000]: parse a generated namespace dump and audit it"

    static func run(_ options: BenchmarkOptions) throws(BenchmarkError) {
        let count = try options.count("count", default: 10_000)
        let text = generatedNamespaceDump(objects: count)
        let (parsed, parsing) = Measure.time { Result { () throws(SourceError) in try SourceReader.objects(in: text, file: "bench.yaml") } }
        let sources: [SourceObject]
        do { sources = try parsed.get() } catch { throw BenchmarkError(description: "generated YAML does not parse: \(error)") }
        let objects = sources.map(\.value)
        let (result, checking) = Measure.time { Checklist().check(objects: objects) }
        let parseSeconds = Measure.seconds(parsing), checkSeconds = Measure.seconds(checking)

        print("audit: \(objects.count) objects, \(text.utf8.count / 1024) KiB of YAML")
        print("  parse     \(Measure.format(parseSeconds, digits: 3)) s  \(Measure.format(Double(objects.count) / parseSeconds)) objects/s")
        print("  check     \(Measure.format(checkSeconds, digits: 3)) s  \(Measure.format(Double(objects.count) / checkSeconds)) objects/s"
            + "  (\(result.reports.count) workloads, \(result.findings.count) findings)")
        print("  peak RSS  \(Measure.peakResidentMemory())")
    }
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
