import Controller
import Foundation
import KubeClient
import KubeModel
import KubeSandbox
import Testing

/// The operator against the sandbox as Deploy/'s ServiceAccount, holding exactly the
/// permissions Deploy/'s RBAC files grant (read from the repository at test time): the base
/// rules plus `Deploy/secret-rotation`, or the base alone as `Deploy/no-secret-access` installs it.
@Suite("The operator with Deploy/'s RBAC", .serialized)
struct DeployRBACTests {
    static let user = "system:serviceaccount:shipshape-system:shipshape-operator"

    @Test("converges the shop as its ServiceAccount without a single 403")
    func convergesWithDeployRBAC() async throws {
        let requests = try await Self.convergeShop()
        let operatorRequests = requests.filter { $0.user == Self.user }
        #expect(!operatorRequests.isEmpty)
        let refused = operatorRequests.filter { $0.status == 403 }.map { "\($0.verb) \($0.path) → 403" }
        #expect(refused.isEmpty, "Deploy/base/rbac.yaml lacks: \(refused)")
    }

    @Test("Deploy/no-secret-access: rotation off, no 403 and no request about Secrets at all")
    func convergesWithoutSecretAccess() async throws {
        let requests = try await Self.convergeShop(secretRotation: false)
        let operatorRequests = requests.filter { $0.user == Self.user }
        #expect(!operatorRequests.isEmpty)
        #expect(operatorRequests.filter { $0.status == 403 }.map { "\($0.verb) \($0.path)" } == [])
        #expect(operatorRequests.filter { $0.path.contains("/secrets") }.map { "\($0.verb) \($0.path)" } == [])
    }

    @Test("reads Secrets as metadata only, never their data")
    func neverRequestsSecretData() async throws {
        let requests = try await Self.convergeShop()
        let secrets = requests.filter { $0.user == Self.user && $0.path.contains("/secrets") }
        #expect(!secrets.isEmpty, "the operator watches referenced Secrets")
        for request in secrets {
            #expect(["list", "watch"].contains(request.verb), "\(request.verb) \(request.path)")
            #expect(request.accept?.hasPrefix("application/json;as=PartialObjectMetadata") == true, "\(request.path) accepts \(request.accept ?? "anything")")
        }
    }

    @Test("adopts a hand-made Deployment, Service and HPA as its ServiceAccount without a single 403")
    func adoptsWithDeployRBAC() async throws {
        var options = SandboxOptions(schemas: Fixtures.schemas, controllers: false)
        options.ownerReferencesPermissionEnforcement = true
        try await Harness.withSandbox(options) { harness in
            for path in ["Deploy/base/namespace.yaml", "Deploy/base/rbac.yaml"] {
                for object in try Self.objects(path) { try await Self.create(object, harness.client) }
            }
            try await AdoptionTests.createHandMade("web", harness)
            try await harness.create(AdoptionTests.microservice("web", adopt: true))
            let token = try await Self.serviceAccountToken(harness.client)
            let client = try KubernetesClient(configuration: ClientConfiguration(server: harness.sandbox.url, credentials: .token(token)),
                                              logger: Harness.logger("operator"))
            let settings = OperatorSettings(namespaces: nil, workers: 2, shutdownTimeout: .seconds(5), identity: "operator-0",
                                            leaderElection: .init(namespace: "shipshape-system"), secretRotation: false)
            try await harness.withOperator(Operator(client: client, settings: settings, logger: Harness.logger("operator"))) { shipshape in
                try await eventually("the hand-made objects adopted") {
                    for type in [KubeModel.ResourceType.deployments, .services, .horizontalPodAutoscalers] {
                        guard let object = try await harness.get(type, "web"), AdoptionTests.controller(of: object) == "Microservice/web" else { return false }
                    }
                    return true
                }
                try await harness.settle(shipshape)
            }
            let operatorRequests = await harness.sandbox.requests().filter { $0.user == Self.user }
            #expect(operatorRequests.contains { $0.verb == "get" && $0.path.hasSuffix("/deployments/web") }, "existing children are read before they are touched")
            let refused = operatorRequests.filter { $0.status == 403 }.map { "\($0.verb) \($0.path) → 403" }
            #expect(refused.isEmpty, "Deploy/base/rbac.yaml lacks: \(refused)")
        }
    }

    /// Applies Deploy/'s namespace and RBAC (with the rotation grant when `secretRotation`) and
    /// the shop's Microservices (with the Secrets and ConfigMaps they reference) as admin, runs
    /// the operator with a token issued for its ServiceAccount until every Microservice has its
    /// Deployment, and returns every request. The sandbox enforces
    /// OwnerReferencesPermissionEnforcement (children block their owner's deletion).
    static func convergeShop(secretRotation: Bool = true) async throws -> [RequestRecord] {
        var options = SandboxOptions(schemas: Fixtures.schemas, controllers: false)
        options.ownerReferencesPermissionEnforcement = true
        return try await Harness.withSandbox(options) { harness in
            let rbac = ["Deploy/base/namespace.yaml", "Deploy/base/rbac.yaml"] + (secretRotation ? ["Deploy/secret-rotation/rbac.yaml"] : [])
            for path in rbac {
                for object in try objects(path) { try await create(object, harness.client) }
            }
            var names: [String] = []
            for file in try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("Examples/shop").path).sorted()
            where file.hasSuffix(".yaml") {
                for microservice in try objects("Examples/shop/" + file) {
                    for (kind, name) in references(microservice) { try await createReferenced(kind, name, harness) }
                    try await harness.create(microservice)
                    names.append(microservice["metadata"]?["name"]?.stringValue ?? "")
                }
            }
            let token = try await serviceAccountToken(harness.client)
            let client = try KubernetesClient(configuration: ClientConfiguration(server: harness.sandbox.url, credentials: .token(token)),
                                              logger: Harness.logger("operator"))
            let settings = OperatorSettings(namespaces: nil, workers: 4, shutdownTimeout: .seconds(5), identity: "operator-0",
                                            leaderElection: .init(namespace: "shipshape-system"), secretRotation: secretRotation)
            let shipshape = Operator(client: client, settings: settings, logger: Harness.logger("operator"))
            do {
                try await harness.withOperator(shipshape) { shipshape in
                    try await eventually("every Microservice has its Deployment") {
                        for name in names where try await harness.get(.deployments, name) == nil { return false }
                        return true
                    }
                    try await harness.settle(shipshape)
                }
            } catch {
                let refused = await harness.sandbox.requests().filter { $0.status == 403 }.map { "\($0.verb) \($0.path)" }
                Issue.record("the operator did not converge; refused: \(Set(refused).sorted())")
                throw error
            }
            return await harness.sandbox.requests()
        }
    }

    static func objects(_ path: String) throws -> [JSONValue] {
        let file = Fixtures.root.appendingPathComponent(path).path
        return try SourceReader.objects(in: try String(contentsOfFile: file, encoding: .utf8), file: file).map(\.value)
    }

    /// Creates a Namespace, ServiceAccount or RBAC object as admin.
    static func create(_ object: JSONValue, _ client: KubernetesClient) async throws {
        let kind = object["kind"]?.stringValue ?? ""
        let rbac = { (plural: String, namespaced: Bool) in
            KubeModel.ResourceType(group: "rbac.authorization.k8s.io", version: "v1", resource: plural, kind: kind, namespaced: namespaced)
        }
        let types: [String: KubeModel.ResourceType] = [
            "Namespace": .namespaces, "ServiceAccount": .serviceAccounts,
            "ClusterRole": rbac("clusterroles", false), "ClusterRoleBinding": rbac("clusterrolebindings", false),
            "Role": rbac("roles", true), "RoleBinding": rbac("rolebindings", true),
        ]
        let type = try #require(types[kind], "a kind Deploy/base applies: \(kind)")
        _ = try await client.resource(type, namespace: object["metadata"]?["namespace"]?.stringValue).create(object)
    }

    /// The Secrets and ConfigMaps a Microservice reads.
    static func references(_ microservice: JSONValue) -> [(kind: String, name: String)] {
        let spec = microservice["spec"]
        let secrets = (spec?["secrets"]?.arrayValue ?? []).compactMap { ($0["secret"] ?? $0["envFrom"])?.stringValue }
        let configMaps = (spec?["configFrom"]?.arrayValue ?? []).compactMap { $0["configMap"]?.stringValue }
        return secrets.map { ("Secret", $0) } + configMaps.map { ("ConfigMap", $0) }
    }

    static func createReferenced(_ kind: String, _ name: String, _ harness: Harness) async throws {
        let type: KubeModel.ResourceType = kind == "Secret" ? .secrets : .configMaps
        guard try await harness.get(type, name) == nil else { return }
        let data: JSONValue = kind == "Secret" ? ["url": "cG9zdGdyZXM6Ly9kYg=="] : ["mode": "test"]
        _ = try await harness.resource(type).create(["apiVersion": "v1", "kind": .string(kind), "metadata": ["name": .string(name)], "data": data])
    }

    /// A token for the operator's ServiceAccount, from the TokenRequest API (`kubectl create token`).
    static func serviceAccountToken(_ client: KubernetesClient) async throws -> String {
        let body: JSONValue = ["apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest", "spec": ["expirationSeconds": 3600]]
        let response = try await client.send(APIRequest(
            method: "POST", path: "/api/v1/namespaces/shipshape-system/serviceaccounts/shipshape-operator/token",
            body: Array(body.jsonText().utf8), contentType: "application/json", idempotent: false))
        let answer = try JSONValue(parsingJSON: response.body)
        return try #require(answer["status"]?["token"]?.stringValue)
    }
}
