import KubeModel
import ShipshapeAPI
import Testing
@testable import Checklist

func readMicroservice(_ yaml: String) throws -> Microservice {
    let source = try #require(try SourceReader.objects(in: yaml, file: "ms.yaml").first)
    return try MicroserviceReader.read(source)
}

@Suite struct MicroserviceTests {
    /// DESIGN.md's example, verbatim but for the status.
    static let designExample = """
        apiVersion: shipshape.dev/v1alpha1
        kind: Microservice
        metadata: { name: order-service, namespace: shop }
        spec:
          image: registry.example.com/shop/order-service:1.8.2
          replicas: 2
          ports:
            - { name: http, port: 8080, protocol: http }
            - { name: metrics, port: 9090, protocol: http }
          env:
            - { name: LOG_LEVEL, value: info }
          configFrom: [ { configMap: shop-config } ]
          secrets:
            - { env: DATABASE_URL, secret: order-db, key: url }
            - { envFrom: order-api-keys }
            - { mountPath: /var/run/tls, secret: order-tls }
          resources:
            requests: { cpu: 100m, memory: 128Mi }
            limits:   { memory: 256Mi }
          probes:
            liveness:  { http: { path: /healthz, port: http } }
            readiness: { http: { path: /ready, port: http }, periodSeconds: 5 }
            startup:   { http: { path: /healthz, port: http }, failureThreshold: 30 }
          autoscaling: { minReplicas: 2, maxReplicas: 10, cpuUtilization: 70 }
          availability: { minAvailable: 1, spreadAcrossZones: true }
          shutdown: { gracePeriodSeconds: 30, preStopSleepSeconds: 5 }
          dependsOn:
            - { service: product-catalog, port: http }
            - { cidr: 10.20.0.0/16, ports: [5432] }
          ingress: { fromNamespaces: [ingress-nginx] }
          observability:
            metrics: { port: metrics, path: /metrics }
            tracing: { endpoint: "http://otel-collector.observability:4317", sampleRatio: 0.1 }
          security: { runAsUser: 10001, readOnlyRootFilesystem: true }
          serviceAccount: { create: true, automountToken: false }
          checklist:
            mode: enforce
            exemptions: [ { rule: image-pinned, reason: "vendor image, OPS-123" } ]
          adopt: false
          slo:
            availability: { objective: 99.9, window: 30d }
            latency: { objective: 99, thresholdMs: 300 }
          mesh: { mtls: strict }
        """

    @Test func designExamplePassesWithItsExemptionCounted() throws {
        let report = Checklist().check(try readMicroservice(Self.designExample))
        #expect(report.object.description == "Microservice shop/order-service")
        #expect(report.exempted.map(\.rule) == ["image-pinned"])
        // The example sets no CPU limit: the one finding, a warning (DESIGN lists cpu-limit as W).
        #expect(report.findings.map(\.description) == ["Microservice shop/order-service: spec.resources.limits.cpu is not set"])
        #expect(report.findings.allSatisfy { $0.severity == .warning })
        #expect(report.passed.count >= 30)
    }

    @Test func aBadMicroserviceFailsInSpecTerms() throws {
        let microservice = try readMicroservice("""
            apiVersion: shipshape.dev/v1alpha1
            kind: Microservice
            metadata: { name: legacy, namespace: shop }
            spec:
              image: shop/legacy:latest
              replicas: 1
              ports: [ { name: http, port: 8080 } ]
              env:
                - { name: LOG_LEVEL, value: debug }
                - { name: ADMIN_PASSWORD, value: hunter2 }
              probes:
                liveness: { http: { path: /health, port: http } }
                readiness: { http: { path: /health, port: http } }
              shutdown: { preStopSleepSeconds: 0 }
              security: { runAsNonRoot: false, allowPrivilegeEscalation: true, readOnlyRootFilesystem: false, addCapabilities: [SYS_ADMIN], seccompProfile: Unconfined }
              serviceAccount: { create: false, automountToken: true }
              availability: { minAvailable: 1 }
            """)
        let report = Checklist().check(microservice)
        let messages = Dictionary(report.findings.map { ($0.rule, $0.message) }, uniquingKeysWith: { first, _ in first })
        #expect(messages["cpu-request"] == "spec.resources.requests.cpu is not set")
        #expect(messages["image-pinned"] == "spec.image is not pinned: tag \"latest\"")
        #expect(messages["run-as-non-root"] == "spec.security.runAsNonRoot is false")
        #expect(messages["replicas-ha"] == "spec.replicas is 1: a single pod is a single point of failure")
        #expect(messages["no-inline-secrets"] == "spec.env[ADMIN_PASSWORD].value looks like a secret; use spec.secrets")
        #expect(messages["probes-distinct"] == "spec.probes.liveness makes the same check as spec.probes.readiness")
        #expect(messages["graceful-shutdown"]?.hasPrefix("spec.shutdown.preStopSleepSeconds is 0") == true)
        #expect(messages["metrics-exposed"] == "spec.observability.metrics is not set, and no port is named metrics")
        for rule in ["no-privilege-escalation", "drop-capabilities", "read-only-root-fs", "seccomp",
                     "service-account-token", "dedicated-service-account"] {
            #expect(messages[rule]?.hasPrefix("spec.") == true, "\(rule)")
        }
        // One replica: no PDB is rendered, so the PDB rules do not apply.
        #expect(!report.results.contains { $0.rule == "pdb" || $0.rule == "pdb-allows-eviction" })
        #expect(report.score < Checklist().check(try readMicroservice(Self.designExample)).score)
    }

    @Test func readinessIsAnErrorOnlyWhenAServiceIsRendered() throws {
        var microservice = try readMicroservice(Self.designExample)
        microservice.spec.probes?.readiness = nil
        #expect(Checklist().check(microservice).findings.first { $0.rule == "readiness-probe" }?.severity == .error)
        microservice.spec.ports = nil
        microservice.spec.probes = nil
        microservice.spec.observability = nil
        #expect(Checklist().check(microservice).findings.first { $0.rule == "readiness-probe" }?.severity == .warning)
    }

    @Test func replicasUnderAutoscalingAndBlockingBudgets() throws {
        var microservice = try readMicroservice(Self.designExample)
        microservice.spec.replicas = 5
        microservice.spec.availability = Availability(minAvailable: .int(2))
        microservice.spec.autoscaling = Autoscaling(minReplicas: 1, maxReplicas: 1)
        let findings = Checklist().check(microservice).findings.map(\.message)
        #expect(findings.contains("spec.replicas is 5 while spec.autoscaling is set: the HPA runs 1-1 replicas; remove spec.replicas"))
        #expect(findings.contains("spec.autoscaling.minReplicas is 1: a single pod is a single point of failure"))
        #expect(findings.contains("spec.autoscaling.maxReplicas is 1, leaving no room to scale above minReplicas 1"))
        microservice.spec.autoscaling = Autoscaling(minReplicas: 2, maxReplicas: 4)
        #expect(Checklist().check(microservice).findings.map(\.message)
            .contains { $0.hasPrefix("spec.availability.minAvailable is 2 with 2 replicas") })
    }

    @Test func checkingTogetherNumbersMicroservicesAfterObjects() throws {
        let microservice = try readMicroservice(Self.designExample)
        let audit = Checklist().check(objects: Fixture.objects, microservices: [microservice])
        #expect(audit.reports.map(\.object.inputIndex) == [0, 8])
        #expect(audit.reports.map(\.object.kind) == ["Deployment", "Microservice"])
    }
}
