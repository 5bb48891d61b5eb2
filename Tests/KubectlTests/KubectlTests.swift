import Foundation
import KubeSandbox
import KubeSchema
import Testing

/// The real kubectl against KubeSandbox over HTTPS, as against an API server: it finds its
/// schemas through `/openapi/v3` (client-side validation and apply, explain, diff), prints the
/// server's Tables, and sends protobuf bodies for `kubectl create <kind>`.
@Suite(.enabled(if: Kubectl.executable != nil, "kubectl is not on PATH"))
struct KubectlTests {
    static let schemas: OpenAPISchemas? = try? OpenAPISchemas(
        directory: Kubectl.root.appendingPathComponent("../shared/kubernetes-openapi").standardized.path)

    private func withKubectl(_ body: (Kubectl) async throws -> Void) async throws {
        let schemas = try #require(Self.schemas, "the Kubernetes OpenAPI documents are expected at ../shared/kubernetes-openapi")
        try await KubeSandbox.withRunning(SandboxOptions(tls: true, schemas: schemas)) { sandbox in
            try await body(try Kubectl(sandbox))
        }
    }

    private static func succeeded(_ run: Kubectl.Run, _ expected: String..., sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(run.status == 0, "kubectl failed: \(run.standardError)", sourceLocation: sourceLocation)
        for text in expected {
            #expect(run.standardOutput.contains(text), "no \"\(text)\" in: \(run.standardOutput)", sourceLocation: sourceLocation)
        }
    }

    @Test func theShopIsAppliedDiffedExplainedAndReplaced() async throws {
        try await withKubectl { kubectl in
            Self.succeeded(try await kubectl("apply", "-f", "CRDs/"), "customresourcedefinition.apiextensions.k8s.io/microservices.shipshape.dev created")
            Self.succeeded(try await kubectl("create", "namespace", "shop"), "namespace/shop created")
            Self.succeeded(try await kubectl("apply", "--server-side", "-f", "Examples/shop"), "microservice.shipshape.dev/order-service serverside-applied")
            Self.succeeded(try await kubectl("apply", "--dry-run=server", "-f", "Examples/shop"), "order-service configured (server dry run)")
            Self.succeeded(try await kubectl("apply", "-f", "Examples/shop"), "microservice.shipshape.dev/order-service configured")

            let original = try String(contentsOf: Kubectl.root.appendingPathComponent("Examples/shop/order-service.yaml"), encoding: .utf8)
            let changed = try kubectl.file("order-service.yaml", original.replacingOccurrences(of: "replicas: 2\n", with: "replicas: 3\n"))
            let diff = try await kubectl("diff", "-f", changed)
            #expect(diff.status == 1, "kubectl diff exits 1 when there are differences: \(diff.standardError)")
            #expect(diff.standardOutput.contains("-  replicas: 2") && diff.standardOutput.contains("+  replicas: 3"), "\(diff.standardOutput)")
            Self.succeeded(try await kubectl("replace", "-f", changed), "microservice.shipshape.dev/order-service replaced")
            Self.succeeded(try await kubectl("get", "microservice", "order-service", "-n", "shop", "-o", "jsonpath={.spec.replicas}"), "3")

            Self.succeeded(try await kubectl("explain", "microservice.spec.probes"), "KIND:       Microservice", "FIELD: probes <Object>", "readiness")
            Self.succeeded(try await kubectl("get", "microservices", "-n", "shop"), "NAME", "order-service", "product-catalog")
        }
    }

    @Test func builtInKindsAreCreatedAndPrintedAsByAnAPIServer() async throws {
        try await withKubectl { kubectl in
            Self.succeeded(try await kubectl("create", "configmap", "x", "--from-literal=a=b"), "configmap/x created")
            Self.succeeded(try await kubectl("get", "configmap", "x", "-o", "jsonpath={.data.a}"), "b")
            Self.succeeded(try await kubectl("create", "deployment", "web", "--image=nginx:1.27", "--replicas=2", "--port=80"), "deployment.apps/web created")
            let service = try kubectl.file("service.yaml", """
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  selector: {app: web}
                  ports: [{port: 80, targetPort: 8080}]
                """)
            Self.succeeded(try await kubectl("apply", "-f", service), "service/web created")

            let configMaps = try await kubectl("get", "configmaps")
            Self.succeeded(configMaps, "NAME", "DATA", "AGE")
            #expect(configMaps.standardOutput.split(separator: "\n").contains { $0.hasPrefix("x ") && $0.contains(" 1 ") })
            let wide = try await kubectl("get", "deploy", "-o", "wide")
            Self.succeeded(wide, "web", "0/2", "nginx:1.27", "app=web")
            #expect(wide.standardOutput.split(separator: "\n").first?.split(separator: " ") == ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"])
            let services = try await kubectl("get", "svc")
            Self.succeeded(services, "80/TCP")
            #expect(services.standardOutput.split(separator: "\n").first?.split(separator: " ") == ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"])
            Self.succeeded(try await kubectl("get", "all"), "service/web", "deployment.apps/web")
            Self.succeeded(try await kubectl("create", "service", "clusterip", "api", "--tcp=80:8080"), "service/api created")
            Self.succeeded(try await kubectl("create", "role", "reader", "--verb=get,list", "--resource=pods"), "role.rbac.authorization.k8s.io/reader created")
            Self.succeeded(try await kubectl("create", "rolebinding", "reader", "--role=reader", "--user=alice"), "rolebinding.rbac.authorization.k8s.io/reader created")
            Self.succeeded(try await kubectl("get", "rolebinding", "reader", "-o", "wide"), "Role/reader", "alice")

            Self.succeeded(try await kubectl("explain", "deployment.spec"), "KIND:       Deployment", "FIELD: spec <DeploymentSpec>", "replicas")
            let index = try await kubectl("get", "--raw", "/openapi/v3")
            Self.succeeded(index, "\"apis/apps/v1\"", "/openapi/v3/api/v1?hash=")
        }
    }
}

extension KubectlTests {
    @Test func workloadAndAuthCommandsWorkAsOnACluster() async throws {
        try await withKubectl { kubectl in
            Self.succeeded(try await kubectl("create", "deployment", "web", "--image=nginx:1.27", "--replicas=2", "--port=80"),
                           "deployment.apps/web created")
            Self.succeeded(try await kubectl("scale", "deployment", "web", "--replicas=3"), "deployment.apps/web scaled")
            Self.succeeded(try await kubectl("set", "image", "deployment/web", "nginx=nginx:1.28"), "deployment.apps/web image updated")
            Self.succeeded(try await kubectl("get", "deployment", "web", "-o", "jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].ports[0].containerPort}"),
                           "3 nginx:1.28 80")
            Self.succeeded(try await kubectl("rollout", "history", "deployment/web"), "REVISION", "1", "2")
            Self.succeeded(try await kubectl("get", "deployment", "web", "-o", "wide"), "READY", "UP-TO-DATE", "IMAGES", "nginx:1.28")
            Self.succeeded(try await kubectl("auth", "whoami"), "admin", "system:masters")
            Self.succeeded(try await kubectl("auth", "can-i", "delete", "pods"), "yes")
            Self.succeeded(try await kubectl("create", "serviceaccount", "bot"), "serviceaccount/bot created")
            let token = try await kubectl("create", "token", "bot")
            #expect(token.status == 0 && token.standardOutput.split(separator: ".").count == 3, "a JWT: \(token.standardError)")
        }
    }
}

/// Deploy/'s install variants applied with `kubectl apply -k`, and what the operator's
/// ServiceAccount may then do with Secrets (`kubectl auth can-i`, answered by the sandbox's RBAC).
@Suite(.enabled(if: Kubectl.executable != nil, "kubectl is not on PATH"))
struct DeployVariantTests {
    static let operatorAccount = "system:serviceaccount:shipshape-system:shipshape-operator"

    /// What `kubectl auth can-i VERB secrets` answers for the operator after applying `variant`,
    /// cluster-wide and in a workload namespace, and the operator's container arguments.
    private func install(_ variant: String) async throws -> (allNamespaces: String, shop: String, arguments: String) {
        let schemas = try #require(KubectlTests.schemas, "the Kubernetes OpenAPI documents are expected at ../shared/kubernetes-openapi")
        return try await KubeSandbox.withRunning(SandboxOptions(tls: true, schemas: schemas)) { sandbox in
            let kubectl = try Kubectl(sandbox)
            let applied = try await kubectl("apply", "-k", variant)
            #expect(applied.status == 0, "kubectl apply -k \(variant): \(applied.standardError)")
            let clusterWide = try await kubectl("auth", "can-i", "watch", "secrets", "--all-namespaces", "--as", Self.operatorAccount)
            let inShop = try await kubectl("auth", "can-i", "list", "secrets", "-n", "shop", "--as", Self.operatorAccount)
            let arguments = try await kubectl("get", "deployment", "shipshape-operator", "-n", "shipshape-system",
                                              "-o", "jsonpath={.spec.template.spec.containers[0].args}")
            #expect(clusterWide.standardError.isEmpty && inShop.standardError.isEmpty, "\(clusterWide.standardError)\(inShop.standardError)")
            return (clusterWide.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines),
                    inShop.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines), arguments.standardOutput)
        }
    }

    @Test func theDefaultInstallWatchesSecretsForRotation() async throws {
        let installed = try await install("Deploy/")
        #expect(installed.allNamespaces == "yes")
        #expect(installed.shop == "yes")
        #expect(!installed.arguments.contains("--no-secret-rotation"))
    }

    @Test func noSecretAccessGrantsNoSecretsAndTurnsRotationOff() async throws {
        let installed = try await install("Deploy/no-secret-access")
        #expect(installed.allNamespaces == "no")
        #expect(installed.shop == "no")
        #expect(installed.arguments.contains("--no-secret-rotation"))
    }
}
