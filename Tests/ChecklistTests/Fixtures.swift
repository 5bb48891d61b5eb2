import KubeModel
import Testing
@testable import Checklist

/// A namespace's worth of objects that passes every rule, to mutate one field at a time.
enum Fixture {
    static let yaml = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: orders
          namespace: shop
          labels: { app.kubernetes.io/name: orders, app.kubernetes.io/version: "1.8.2" }
        spec:
          selector: { matchLabels: { app: orders } }
          strategy: { type: RollingUpdate, rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } }
          template:
            metadata:
              labels: { app: orders, tier: backend }
              annotations: { prometheus.io/scrape: "true" }
            spec:
              serviceAccountName: orders
              automountServiceAccountToken: false
              terminationGracePeriodSeconds: 30
              securityContext:
                runAsNonRoot: true
                runAsUser: 10001
                seccompProfile: { type: RuntimeDefault }
              topologySpreadConstraints:
                - maxSkew: 1
                  topologyKey: kubernetes.io/hostname
                  whenUnsatisfiable: ScheduleAnyway
                  labelSelector: { matchLabels: { app: orders } }
              volumes:
                - { name: tmp, emptyDir: {} }
              containers:
                - name: api
                  image: registry.example.com/shop/orders:1.8.2
                  ports:
                    - { name: http, containerPort: 8080 }
                    - { name: metrics, containerPort: 9090 }
                  env:
                    - { name: LOG_LEVEL, value: info }
                    - name: DB_PASSWORD
                      valueFrom: { secretKeyRef: { name: orders-db, key: password } }
                  resources:
                    requests: { cpu: 100m, memory: 128Mi }
                    limits: { cpu: "1", memory: 256Mi }
                  readinessProbe: { httpGet: { path: /ready, port: http } }
                  livenessProbe: { httpGet: { path: /healthz, port: http } }
                  lifecycle: { preStop: { sleep: { seconds: 5 } } }
                  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities: { drop: [ALL] }
                  volumeMounts: [ { name: tmp, mountPath: /tmp } ]
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: { name: orders, namespace: shop }
        spec:
          scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: orders }
          minReplicas: 2
          maxReplicas: 10
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: { name: orders, namespace: shop }
        spec:
          maxUnavailable: 1
          selector: { matchLabels: { app: orders } }
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: { name: default-deny, namespace: shop }
        spec:
          podSelector: {}
          policyTypes: [Ingress, Egress]
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: { name: orders, namespace: shop }
        automountServiceAccountToken: false
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: orders, namespace: shop }
        spec:
          selector: { app: orders }
          ports: [ { name: http, port: 80, targetPort: http } ]
        ---
        apiVersion: monitoring.coreos.com/v1
        kind: PrometheusRule
        metadata: { name: orders-slo, namespace: shop, labels: { app.kubernetes.io/name: orders } }
        spec:
          groups:
            - name: orders-availability-slo-alerts
              rules:
                - { alert: OrdersErrorBudgetBurn, expr: "orders:error_ratio:rate5m > 14.4 * 0.001", labels: { severity: page } }
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: { name: default, namespace: shop }
        spec:
          mtls: { mode: STRICT }
        """

    static let objects: [JSONValue] = parse(yaml)

    /// The fixture with the Deployment's fields set (nil removes), other objects as they are.
    static func deployment(_ edits: [String: JSONValue?] = [:]) -> [JSONValue] {
        var objects = self.objects
        for (path, value) in edits.sorted(by: { $0.key < $1.key }) { objects[0] = objects[0].setting(path, value) }
        return objects
    }

    /// The fixture's objects minus those of the given kinds.
    static func without(_ kinds: String..., edits: [String: JSONValue?] = [:]) -> [JSONValue] {
        deployment(edits).filter { !kinds.contains($0["kind"]?.stringValue ?? "") }
    }

    /// The fixture plus extra objects written as YAML.
    static func adding(_ yaml: String, edits: [String: JSONValue?] = [:]) -> [JSONValue] {
        deployment(edits) + parse(yaml)
    }

    /// The fixture with the first object of `kind` edited.
    static func editing(_ kind: String, _ edits: [String: JSONValue?]) -> [JSONValue] {
        objects.map { object in
            guard object["kind"]?.stringValue == kind else { return object }
            return edits.sorted(by: { $0.key < $1.key }).reduce(object) { $0.setting($1.key, $1.value) }
        }
    }

    static let container = "spec.template.spec.containers[0]"
    static let pod = "spec.template.spec"
}

/// Objects from YAML; a test's own YAML is valid, so a failure to parse is a test failure.
func parse(_ yaml: String, file: String = "test.yaml") -> [JSONValue] {
    do {
        return try SourceReader.objects(in: yaml, file: file).map(\.value)
    } catch {
        Issue.record("fixture does not parse: \(error)")
        return []
    }
}

/// A YAML value (a flow mapping or sequence) for an edit.
func yamlValue(_ text: String) -> JSONValue {
    parse("value: \(text)").first?["value"] ?? .null
}

extension JSONValue {
    /// This value with the field at `path` (indices only) set; nil removes it. Missing parents are created.
    func setting(_ path: String, _ value: JSONValue?) -> JSONValue {
        setting(FieldPath(parsing: path).components[...], value)
    }

    private func setting(_ components: ArraySlice<FieldPath.Component>, _ value: JSONValue?) -> JSONValue {
        guard let first = components.first else { return value ?? .null }
        let rest = components.dropFirst()
        switch first {
        case .key(let key):
            var object = objectValue ?? JSONObject()
            object[key] = rest.isEmpty ? value : (object[key] ?? .null).setting(rest, value)
            return .object(object)
        case .index(let index, _):
            var array = arrayValue ?? []
            while array.count <= index { array.append(.null) }
            array[index] = array[index].setting(rest, value)
            return .array(array)
        }
    }
}

extension AuditResult {
    /// The result of `rule` on the first report (the fixture's Deployment).
    func result(_ rule: String, object: Int = 0) -> RuleResult? {
        guard reports.indices.contains(object) else { return nil }
        return reports[object].results.first { $0.rule == rule }
    }
}
