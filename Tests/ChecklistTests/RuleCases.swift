import KubeModel
import Testing
@testable import Checklist

/// One object set and what one rule must conclude about the first workload in it.
struct RuleCase: CustomTestStringConvertible, Sendable {
    enum Expectation: Sendable { case passes, fails(severity: Severity, mentioning: String) }

    let rule: String
    let name: String
    let objects: [JSONValue]
    let expectation: Expectation
    var options = ChecklistOptions()

    var testDescription: String { "\(rule): \(name)" }

    static func pass(_ rule: String, _ name: String, _ objects: [JSONValue], options: ChecklistOptions = .init()) -> RuleCase {
        RuleCase(rule: rule, name: name, objects: objects, expectation: .passes, options: options)
    }

    static func fail(_ rule: String, _ name: String, _ objects: [JSONValue], _ severity: Severity = .error,
                     mentioning: String, options: ChecklistOptions = .init()) -> RuleCase {
        RuleCase(rule: rule, name: name, objects: objects, expectation: .fails(severity: severity, mentioning: mentioning), options: options)
    }
}

private let c = Fixture.container
private let pod = Fixture.pod
private let restricted = ChecklistOptions(profile: .restricted)
private let baseline = ChecklistOptions(profile: .baseline)

extension ChecklistOptions {
    /// As the operator runs the checklist in a cluster serving Istio's kinds.
    static var inMeshCluster: ChecklistOptions {
        var options = ChecklistOptions()
        options.meshDetected = true
        return options
    }
}

/// At least one passing and one failing case for every rule of the catalogue.
let ruleCases: [RuleCase] = [
    // resources
    .pass("cpu-request", "fixture", Fixture.objects),
    .fail("cpu-request", "no cpu request", Fixture.deployment(["\(c).resources.requests.cpu": nil]),
          mentioning: "spec.template.spec.containers[api].resources.requests.cpu is not set"),
    .fail("cpu-request", "init container without resources",
          Fixture.deployment(["\(pod).initContainers": yamlValue("[{ name: migrate, image: 'shop/migrate:1.0' }]")]),
          mentioning: "initContainers[migrate].resources.requests.cpu is not set"),
    .fail("cpu-request", "zero", Fixture.deployment(["\(c).resources.requests.cpu": "0m"]), mentioning: "is 0"),
    .fail("cpu-request", "resources of the wrong type", Fixture.deployment(["\(c).resources": "lots"]), mentioning: "is not set"),
    .pass("memory-request", "fixture", Fixture.objects),
    .fail("memory-request", "no memory request", Fixture.deployment(["\(c).resources.requests.memory": nil]),
          mentioning: "resources.requests.memory is not set"),
    .fail("memory-request", "not a quantity", Fixture.deployment(["\(c).resources.requests.memory": "lots"]),
          mentioning: "is not a valid quantity"),
    .pass("memory-limit", "fixture", Fixture.objects),
    .fail("memory-limit", "no memory limit", Fixture.deployment(["\(c).resources.limits.memory": nil]),
          mentioning: "resources.limits.memory is not set"),
    .pass("cpu-limit", "fixture", Fixture.objects),
    .fail("cpu-limit", "no cpu limit", Fixture.deployment(["\(c).resources.limits": yamlValue("{ memory: 256Mi }")]), .warning,
          mentioning: "resources.limits.cpu is not set"),

    // health
    .pass("readiness-probe", "fixture", Fixture.objects),
    .fail("readiness-probe", "behind a Service", Fixture.deployment(["\(c).readinessProbe": nil]),
          mentioning: "readinessProbe is not set (Service shop/orders sends traffic to these pods)"),
    .fail("readiness-probe", "no Service selects the pods", Fixture.without("Service", edits: ["\(c).readinessProbe": nil]), .warning,
          mentioning: "readinessProbe is not set"),
    .fail("readiness-probe", "a Service in another namespace does not count",
          Fixture.editing("Service", ["metadata.namespace": "web"]).map { $0.setting("spec.template.spec.containers[0].readinessProbe", nil) },
          .warning, mentioning: "readinessProbe is not set"),
    .pass("liveness-probe", "fixture", Fixture.objects),
    .fail("liveness-probe", "no liveness probe", Fixture.deployment(["\(c).livenessProbe": nil]), .warning,
          mentioning: "containers[api].livenessProbe is not set"),
    .pass("probe-port-exists", "named port declared", Fixture.objects),
    .pass("probe-port-exists", "numbered port declared", Fixture.deployment(["\(c).readinessProbe.httpGet.port": 8080])),
    .fail("probe-port-exists", "undeclared name", Fixture.deployment(["\(c).readinessProbe.httpGet.port": "web"]),
          mentioning: "readinessProbe.httpGet.port names port \"web\""),
    .fail("probe-port-exists", "undeclared number", Fixture.deployment(["\(c).livenessProbe.tcpSocket": yamlValue("{ port: 8081 }"),
                                                                         "\(c).livenessProbe.httpGet": nil]), .warning,
          mentioning: "livenessProbe.tcpSocket.port is 8081"),
    .pass("probes-distinct", "fixture", Fixture.objects),
    .fail("probes-distinct", "liveness is readiness", Fixture.deployment(["\(c).livenessProbe": yamlValue("{ httpGet: { path: /ready, port: http } }")]),
          .warning, mentioning: "livenessProbe makes the same check as readinessProbe"),
    .fail("probes-distinct", "same endpoint, other timings",
          Fixture.deployment(["\(c).livenessProbe": yamlValue("{ httpGet: { path: /ready, port: http }, periodSeconds: 30, timeoutSeconds: 5 }")]),
          .warning, mentioning: "livenessProbe makes the same check as readinessProbe"),

    // lifecycle
    .pass("graceful-shutdown", "sleep action", Fixture.objects),
    .pass("graceful-shutdown", "exec sleep in a shell", Fixture.deployment(["\(c).lifecycle.preStop": yamlValue("{ exec: { command: [/bin/sh, -c, 'sleep 10 && nginx -s quit'] } }")])),
    .fail("graceful-shutdown", "no preStop", Fixture.deployment(["\(c).lifecycle": nil]), .warning, mentioning: "lifecycle.preStop is not set"),
    .fail("graceful-shutdown", "exec without sleep", Fixture.deployment(["\(c).lifecycle.preStop": yamlValue("{ exec: { command: [nginx, -s, quit] } }")]),
          .warning, mentioning: "does not sleep"),
    .fail("graceful-shutdown", "grace shorter than the sleep", Fixture.deployment(["\(pod).terminationGracePeriodSeconds": 5]), .warning,
          mentioning: "terminationGracePeriodSeconds is 5s, not longer than the 5s preStop sleep"),
    .fail("graceful-shutdown", "default grace, long sleep", Fixture.deployment(["\(pod).terminationGracePeriodSeconds": nil,
                                                                                "\(c).lifecycle.preStop.sleep.seconds": 45]), .warning,
          mentioning: "is 30s, not longer than the 45s"),

    // images
    .pass("image-pinned", "version tag", Fixture.objects),
    .pass("image-pinned", "digest", Fixture.deployment(["\(c).image": "shop/orders@sha256:0123456789abcdef"])),
    .pass("image-pinned", "registry port and tag", Fixture.deployment(["\(c).image": "registry:5000/shop/orders:2.0"])),
    .fail("image-pinned", "latest", Fixture.deployment(["\(c).image": "shop/orders:latest"]), mentioning: "containers[api].image is not pinned: tag \"latest\""),
    .fail("image-pinned", "no tag, registry port", Fixture.deployment(["\(c).image": "registry:5000/shop/orders"]),
          mentioning: "no tag means \"latest\""),
    .fail("image-pinned", "ephemeral container", Fixture.deployment(["\(pod).ephemeralContainers": yamlValue("[{ name: debug, image: busybox }]")]),
          mentioning: "ephemeralContainers[debug].image is not pinned"),

    // config & secrets
    .pass("no-inline-secrets", "valueFrom and plain config", Fixture.objects),
    .pass("no-inline-secrets", "a path to a secret is not a secret", Fixture.deployment(["\(c).env[2]": yamlValue("{ name: DB_PASSWORD_FILE, value: /run/secrets/db }")])),
    .fail("no-inline-secrets", "secret name", Fixture.deployment(["\(c).env[2]": yamlValue("{ name: STRIPE_API_KEY, value: sk-not-really }")]),
          mentioning: "env[STRIPE_API_KEY].value looks like a secret"),
    .fail("no-inline-secrets", "password in a URL", Fixture.deployment(["\(c).env[2]": yamlValue("{ name: DATABASE_URL, value: 'postgres://app:s3cret@db:5432/orders' }")]),
          mentioning: "env[DATABASE_URL].value looks like a secret"),
    .fail("no-inline-secrets", "AWS key id", Fixture.deployment(["\(c).env[2]": yamlValue("{ name: AWS_ACCESS_KEY_ID, value: AKIAIOSFODNN7EXAMPLE }")]),
          mentioning: "env[AWS_ACCESS_KEY_ID].value looks like a secret"),
    .fail("no-inline-secrets", "PEM block", Fixture.deployment(["\(c).env[2]": yamlValue("{ name: TLS, value: \"-----BEGIN PRIVATE KEY-----\\nMIIE\" }")]),
          mentioning: "env[TLS].value looks like a secret"),
    .fail("no-inline-secrets", "JWT", Fixture.deployment(["\(c).env[2]": yamlValue("{ name: BEARER, value: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U }")]),
          mentioning: "env[BEARER].value looks like a secret"),
    .pass("config-by-reference", "a few short literals", Fixture.objects),
    .fail("config-by-reference", "many literals",
          Fixture.deployment(["\(c).env": .array((1...21).map { .object(["name": .string("SETTING_\($0)"), "value": "x"]) })]), .warning,
          mentioning: "containers[api].env has 21 literal values"),
    .fail("config-by-reference", "a file in a variable", Fixture.deployment(["\(c).env[0].value": "server {\n  listen 8080;\n}\n"]), .warning,
          mentioning: "env[LOG_LEVEL].value is a multi-line literal"),

    // availability
    .pass("replicas-ha", "HPA minimum 2", Fixture.objects),
    .pass("replicas-ha", "3 replicas, no HPA", Fixture.without("HorizontalPodAutoscaler", edits: ["spec.replicas": 3])),
    .fail("replicas-ha", "replicas unset, no HPA", Fixture.without("HorizontalPodAutoscaler"), .warning, mentioning: "spec.replicas is not set (1 replica)"),
    .fail("replicas-ha", "HPA minimum 1", Fixture.editing("HorizontalPodAutoscaler", ["spec.minReplicas": 1]), .warning,
          mentioning: "HorizontalPodAutoscaler shop/orders spec.minReplicas is 1"),
    .pass("hpa-bounds", "2 to 10", Fixture.objects),
    .fail("hpa-bounds", "minimum defaults to 1", Fixture.editing("HorizontalPodAutoscaler", ["spec.minReplicas": nil]), .warning,
          mentioning: "spec.minReplicas is 1"),
    .fail("hpa-bounds", "no room to scale", Fixture.editing("HorizontalPodAutoscaler", ["spec.maxReplicas": 2]), .warning,
          mentioning: "spec.maxReplicas is 2, leaving no room"),
    .fail("hpa-bounds", "absurd ceiling", Fixture.editing("HorizontalPodAutoscaler", ["spec.maxReplicas": 5000]), .warning,
          mentioning: "spec.maxReplicas is 5000"),
    .pass("hpa-owns-replicas", "replicas left to the HPA", Fixture.objects),
    .fail("hpa-owns-replicas", "static replicas under an HPA", Fixture.deployment(["spec.replicas": 3]), .warning,
          mentioning: "spec.replicas is set while HorizontalPodAutoscaler shop/orders owns the replica count"),
    .pass("hpa-owns-replicas", "live: only the server's default, recorded under an Update",
          Fixture.deployment(["spec.replicas": 1, "metadata.managedFields": yamlValue(#"[{manager: kubectl-create, operation: Update, fieldsV1: {"f:spec": {"f:replicas": {}}}}]"#)])),
    .fail("hpa-owns-replicas", "live: server-side applied replicas under an HPA",
          Fixture.deployment(["spec.replicas": 3, "metadata.managedFields": yamlValue(#"[{manager: ci, operation: Apply, fieldsV1: {"f:spec": {"f:replicas": {}}}}]"#)]), .warning,
          mentioning: "spec.replicas is set while HorizontalPodAutoscaler shop/orders owns the replica count"),
    .fail("hpa-owns-replicas", "live: kubectl apply's last-applied configuration holds replicas",
          Fixture.deployment(["spec.replicas": 3, "metadata.managedFields": yamlValue("[]"),
                              "metadata.annotations": yamlValue(#"{kubectl.kubernetes.io/last-applied-configuration: '{"spec":{"replicas":3}}'}"#)]), .warning,
          mentioning: "spec.replicas is set while HorizontalPodAutoscaler shop/orders owns the replica count"),
    .pass("pdb", "matchLabels PDB", Fixture.objects),
    .pass("pdb", "matchExpressions PDB", Fixture.editing("PodDisruptionBudget", ["spec.selector": yamlValue("{ matchExpressions: [{ key: tier, operator: In, values: [backend, web] }] }")])),
    .fail("pdb", "no PDB", Fixture.without("PodDisruptionBudget"), .warning,
          mentioning: "spec.template.metadata.labels are selected by no PodDisruptionBudget"),
    .fail("pdb", "PDB selecting other pods", Fixture.editing("PodDisruptionBudget", ["spec.selector.matchLabels.app": "payments"]), .warning,
          mentioning: "selected by no PodDisruptionBudget"),
    .pass("pdb-allows-eviction", "maxUnavailable 1", Fixture.objects),
    .pass("pdb-allows-eviction", "minAvailable 50% of 2", Fixture.editing("PodDisruptionBudget", ["spec.maxUnavailable": nil, "spec.minAvailable": "50%"])),
    .fail("pdb-allows-eviction", "minAvailable equals the HPA minimum", Fixture.editing("PodDisruptionBudget", ["spec.maxUnavailable": nil, "spec.minAvailable": 2]),
          mentioning: "PodDisruptionBudget shop/orders spec.minAvailable is 2 with 2 replicas"),
    .fail("pdb-allows-eviction", "minAvailable 100%", Fixture.editing("PodDisruptionBudget", ["spec.maxUnavailable": nil, "spec.minAvailable": "100%"]),
          mentioning: "spec.minAvailable is 100%"),
    .fail("pdb-allows-eviction", "maxUnavailable 0", Fixture.editing("PodDisruptionBudget", ["spec.maxUnavailable": 0]),
          mentioning: "spec.maxUnavailable is 0"),
    .pass("topology-spread", "spread constraints", Fixture.objects),
    .pass("topology-spread", "anti-affinity", Fixture.deployment(["\(pod).topologySpreadConstraints": nil,
                                                                  "\(pod).affinity.podAntiAffinity": yamlValue("{ preferredDuringSchedulingIgnoredDuringExecution: [] }")])),
    .fail("topology-spread", "no spreading", Fixture.deployment(["\(pod).topologySpreadConstraints": nil]), .warning,
          mentioning: "topologySpreadConstraints is not set"),
    .pass("rolling-update", "surge first", Fixture.objects),
    .fail("rolling-update", "Recreate", Fixture.deployment(["spec.strategy": yamlValue("{ type: Recreate }")]), .warning,
          mentioning: "spec.strategy.type is Recreate"),
    .fail("rolling-update", "maxUnavailable equals replicas", Fixture.deployment(["spec.strategy.rollingUpdate.maxUnavailable": "100%"]), .warning,
          mentioning: "spec.strategy.rollingUpdate.maxUnavailable is 100% with 2 replicas"),

    // network
    .pass("network-policy", "podSelector {} deny-all", Fixture.objects),
    .pass("network-policy", "implicit Ingress type, matchExpressions",
          Fixture.without("NetworkPolicy") + parse("""
              kind: NetworkPolicy
              metadata: { name: orders, namespace: shop }
              spec:
                podSelector: { matchExpressions: [{ key: app, operator: Exists }, { key: tier, operator: NotIn, values: [web] }] }
              """)),
    .fail("network-policy", "no policy", Fixture.without("NetworkPolicy"), .warning, mentioning: "selected by no NetworkPolicy"),
    .fail("network-policy", "a policy in another namespace does not count", Fixture.editing("NetworkPolicy", ["metadata.namespace": "payments"]), .warning,
          mentioning: "selected by no NetworkPolicy"),
    .fail("network-policy", "matchExpressions excluding the pods", Fixture.editing("NetworkPolicy", ["spec.podSelector": yamlValue("{ matchExpressions: [{ key: tier, operator: NotIn, values: [backend] }] }")]),
          .warning, mentioning: "selected by no NetworkPolicy"),
    .fail("network-policy", "egress-only policy", Fixture.editing("NetworkPolicy", ["spec.policyTypes": yamlValue("[Egress]")]), .warning,
          mentioning: "isolated for egress only"),

    // security
    .pass("not-privileged", "fixture", Fixture.objects),
    .fail("not-privileged", "privileged", Fixture.deployment(["\(c).securityContext.privileged": true]), mentioning: "securityContext.privileged is true"),
    .pass("no-privilege-escalation", "fixture", Fixture.objects),
    .fail("no-privilege-escalation", "unset", Fixture.deployment(["\(c).securityContext.allowPrivilegeEscalation": nil]),
          mentioning: "allowPrivilegeEscalation is not set (defaults to true)"),
    .pass("run-as-non-root", "fixture", Fixture.objects),
    .pass("run-as-non-root", "non-zero runAsUser alone", Fixture.deployment(["\(pod).securityContext.runAsNonRoot": nil])),
    .fail("run-as-non-root", "non-zero runAsUser alone under pss-restricted", Fixture.deployment(["\(pod).securityContext.runAsNonRoot": nil]),
          mentioning: "containers[api].securityContext.runAsNonRoot is not set", options: restricted),
    .fail("run-as-non-root", "container runs as root", Fixture.deployment(["\(c).securityContext.runAsUser": 0]), mentioning: "securityContext.runAsUser is 0"),
    .fail("run-as-non-root", "nothing set", Fixture.deployment(["\(pod).securityContext": nil]), mentioning: "and no runAsUser is given"),
    .pass("drop-capabilities", "drop ALL", Fixture.objects),
    .pass("drop-capabilities", "add NET_BIND_SERVICE", Fixture.deployment(["\(c).securityContext.capabilities.add": yamlValue("[NET_BIND_SERVICE]")])),
    .pass("drop-capabilities", "baseline allows CHOWN without drop", Fixture.deployment(["\(c).securityContext.capabilities": yamlValue("{ add: [CHOWN] }")]), options: baseline),
    .fail("drop-capabilities", "restricted refuses CHOWN", Fixture.deployment(["\(c).securityContext.capabilities.add": yamlValue("[CHOWN]")]),
          mentioning: "capabilities.add adds CHOWN"),
    .fail("drop-capabilities", "no drop", Fixture.deployment(["\(c).securityContext.capabilities": nil]), mentioning: "capabilities.drop does not include ALL"),
    .fail("drop-capabilities", "baseline refuses SYS_ADMIN", Fixture.deployment(["\(c).securityContext.capabilities.add": yamlValue("[SYS_ADMIN]")]),
          mentioning: "adds SYS_ADMIN", options: baseline),
    .pass("read-only-root-fs", "fixture", Fixture.objects),
    .fail("read-only-root-fs", "writable", Fixture.deployment(["\(c).securityContext.readOnlyRootFilesystem": false]), .warning,
          mentioning: "readOnlyRootFilesystem is false"),
    .pass("seccomp", "pod RuntimeDefault", Fixture.objects),
    .pass("seccomp", "unset passes baseline", Fixture.deployment(["\(pod).securityContext.seccompProfile": nil]), options: baseline),
    .fail("seccomp", "unset fails restricted", Fixture.deployment(["\(pod).securityContext.seccompProfile": nil]), .warning,
          mentioning: "spec.template.spec.securityContext.seccompProfile is not set"),
    .fail("seccomp", "container Unconfined fails baseline", Fixture.deployment(["\(c).securityContext.seccompProfile.type": "Unconfined"]), .warning,
          mentioning: "containers[api].securityContext.seccompProfile.type is Unconfined", options: baseline),
    .pass("no-host-namespaces", "fixture", Fixture.objects),
    .fail("no-host-namespaces", "hostNetwork", Fixture.deployment(["\(pod).hostNetwork": true, "\(pod).hostPID": false]),
          mentioning: "spec.template.spec.hostNetwork is true"),
    .pass("no-host-path", "emptyDir", Fixture.objects),
    .fail("no-host-path", "docker socket", Fixture.deployment(["\(pod).volumes[1]": yamlValue("{ name: docker, hostPath: { path: /var/run/docker.sock } }")]),
          mentioning: "volumes[docker].hostPath mounts /var/run/docker.sock"),
    .pass("no-host-port", "fixture", Fixture.objects),
    .fail("no-host-port", "hostPort", Fixture.deployment(["\(c).ports[0].hostPort": 80]), .warning, mentioning: "ports[http].hostPort is 80"),
    .pass("no-host-process", "fixture", Fixture.objects),
    .fail("no-host-process", "HostProcess", Fixture.deployment(["\(pod).securityContext.windowsOptions.hostProcess": true]),
          mentioning: "windowsOptions.hostProcess is true"),
    .pass("apparmor", "RuntimeDefault", Fixture.deployment(["\(c).securityContext.appArmorProfile.type": "RuntimeDefault"])),
    .fail("apparmor", "Unconfined field", Fixture.deployment(["\(c).securityContext.appArmorProfile.type": "Unconfined"]),
          mentioning: "appArmorProfile.type is Unconfined"),
    .fail("apparmor", "unconfined annotation", Fixture.deployment(["spec.template.metadata.annotations.container\\.apparmor": nil])
          .map { $0.setting("spec.template.metadata.annotations", yamlValue("{ 'container.apparmor.security.beta.kubernetes.io/api': unconfined }")) },
          mentioning: "is \"unconfined\""),
    .pass("selinux", "level only", Fixture.deployment(["\(pod).securityContext.seLinuxOptions.level": "s0:c123,c456"])),
    .fail("selinux", "spc_t", Fixture.deployment(["\(c).securityContext.seLinuxOptions.type": "spc_t"]), mentioning: "seLinuxOptions.type is spc_t"),
    .pass("proc-mount", "Default", Fixture.deployment(["\(c).securityContext.procMount": "Default"])),
    .fail("proc-mount", "Unmasked", Fixture.deployment(["\(c).securityContext.procMount": "Unmasked"]), mentioning: "procMount is Unmasked"),
    .pass("safe-sysctls", "safe", Fixture.deployment(["\(pod).securityContext.sysctls": yamlValue("[{ name: net.ipv4.tcp_syncookies, value: '1' }]")])),
    .fail("safe-sysctls", "unsafe", Fixture.deployment(["\(pod).securityContext.sysctls": yamlValue("[{ name: kernel.msgmax, value: '65536' }]")]),
          mentioning: "sysctls[kernel.msgmax] is not a safe sysctl"),
    .pass("volume-types", "emptyDir", Fixture.objects),
    .fail("volume-types", "nfs", Fixture.deployment(["\(pod).volumes[1]": yamlValue("{ name: data, nfs: { server: nfs, path: /data } }")]),
          mentioning: "volumes[data].nfs is not an allowed volume type"),

    // identity
    .pass("service-account-token", "pod sets false", Fixture.objects),
    .pass("service-account-token", "ServiceAccount sets false", Fixture.deployment(["\(pod).automountServiceAccountToken": nil])),
    .fail("service-account-token", "ServiceAccount not in the input", Fixture.without("ServiceAccount", edits: ["\(pod).automountServiceAccountToken": nil]), .warning,
          mentioning: "automountServiceAccountToken is not set (ServiceAccount orders is not in the input)"),
    .fail("service-account-token", "pod sets true", Fixture.deployment(["\(pod).automountServiceAccountToken": true]), .warning,
          mentioning: "automountServiceAccountToken is true"),
    .pass("dedicated-service-account", "own account", Fixture.objects),
    .fail("dedicated-service-account", "unset", Fixture.deployment(["\(pod).serviceAccountName": nil]), .warning,
          mentioning: "spec.template.spec.serviceAccountName is not set"),
    .fail("dedicated-service-account", "default", Fixture.deployment(["\(pod).serviceAccountName": "default"]), .warning,
          mentioning: "serviceAccountName is default"),

    // observability
    .pass("metrics-exposed", "scrape annotation", Fixture.deployment(["\(c).ports[1]": nil])),
    .pass("metrics-exposed", "port named metrics", Fixture.deployment(["spec.template.metadata.annotations": nil])),
    .fail("metrics-exposed", "neither", Fixture.deployment(["spec.template.metadata.annotations": nil, "\(c).ports[1].name": "admin"]), .warning,
          mentioning: "spec.template.metadata.annotations have no prometheus.io/scrape"),
    .pass("standard-labels", "name and version", Fixture.objects),
    .fail("standard-labels", "no version", Fixture.deployment(["metadata.labels": yamlValue("{ app.kubernetes.io/name: orders }")]), .warning,
          mentioning: "metadata.labels lack app.kubernetes.io/version"),
    .pass("slo-defined", "a PrometheusRule names the workload", Fixture.objects),
    .fail("slo-defined", "the PrometheusRule names another", Fixture.editing("PrometheusRule", ["metadata.labels": yamlValue("{ app.kubernetes.io/name: payments }")]),
          .warning, mentioning: "no PrometheusRule in its namespace carries app.kubernetes.io/name: orders"),
    .pass("alerts-configured", "scraped, and the SLO rule alerts", Fixture.objects),
    .fail("alerts-configured", "metrics port nothing scrapes", Fixture.deployment(["spec.template.metadata.annotations": nil]), .warning,
          mentioning: "no ServiceMonitor or PodMonitor selects the pods, although they declare api/metrics"),
    .pass("alerts-configured", "a ServiceMonitor scrapes it", Fixture.adding("""
        apiVersion: monitoring.coreos.com/v1
        kind: ServiceMonitor
        metadata: { name: orders, namespace: shop }
        spec: { selector: { matchLabels: { app: orders } }, endpoints: [ { port: metrics } ] }
        """, edits: ["spec.template.metadata.annotations": nil]).map { object in
            object["kind"]?.stringValue == "Service" ? object.setting("metadata.labels", yamlValue("{ app: orders }")) : object
        }),
    .fail("alerts-configured", "recording rules only", Fixture.editing("PrometheusRule", ["spec.groups[0].rules[0]": yamlValue("{ record: 'orders:error_ratio:rate5m', expr: '0' }")]),
          .warning, mentioning: "spec.groups record series but alert on none"),

    // mesh
    .pass("mtls-enforced", "a STRICT namespace policy", Fixture.objects),
    .fail("mtls-enforced", "PERMISSIVE", Fixture.editing("PeerAuthentication", ["spec.mtls.mode": "PERMISSIVE"]), .warning,
          mentioning: "spec.mtls.mode is PERMISSIVE, not STRICT"),
    .fail("mtls-enforced", "the mesh detected, no policy", Fixture.without("PeerAuthentication"), .warning,
          mentioning: "match no PeerAuthentication with mtls.mode STRICT", options: ChecklistOptions.inMeshCluster),
    .fail("mtls-enforced", "a workload policy overrides the namespace's", Fixture.adding("""
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: { name: orders, namespace: shop }
        spec: { selector: { matchLabels: { app: orders } }, mtls: { mode: DISABLE } }
        """), .warning, mentioning: "spec.mtls.mode is DISABLE, not STRICT"),

    // meta
    .pass("exemption-reason", "with a reason", Fixture.deployment(["metadata.annotations": yamlValue("{ shipshape.dev/exempt: cpu-limit, shipshape.dev/exempt-reason: 'bursty batch, OPS-9' }")])),
    .fail("exemption-reason", "without a reason", Fixture.deployment(["metadata.annotations": yamlValue("{ shipshape.dev/exempt: cpu-limit }")]),
          mentioning: "exempts cpu-limit without a reason"),
    .pass("exemption-known-rule", "known rule", Fixture.deployment(["metadata.annotations": yamlValue("{ shipshape.dev/exempt: cpu-limit, shipshape.dev/exempt-reason: why }")])),
    .fail("exemption-known-rule", "typo", Fixture.deployment(["metadata.annotations": yamlValue("{ shipshape.dev/exempt: 'cpu-limit, image-pined', shipshape.dev/exempt-reason: why }")]),
          mentioning: "names unknown rule \"image-pined\""),
    .fail("exemption-known-rule", "meta rules cannot be exempted", Fixture.deployment(["metadata.annotations": yamlValue("{ shipshape.dev/exempt: exemption-reason, shipshape.dev/exempt-reason: why }")]),
          mentioning: "names exemption-reason, which cannot be exempted"),
    .pass("schema-valid", "well typed", Fixture.deployment()),
    .fail("schema-valid", "container without a name", Fixture.deployment(["\(Fixture.container).name": nil]),
          mentioning: "spec.template.spec.containers[0].name is required"),
    .fail("schema-valid", "replicas as a string", Fixture.deployment(["spec.replicas": "2"]),
          mentioning: "spec.replicas must be an integer, not string"),
    .fail("schema-valid", "a limit that is a list", Fixture.deployment(["\(Fixture.container).resources.limits.memory": yamlValue("[256Mi]")]),
          mentioning: "resources.limits.memory must be a quantity (a string or a number), not array"),
]
