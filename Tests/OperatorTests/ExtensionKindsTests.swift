import Controller
import Foundation
import KubeClient
import KubeModel
import KubeSandbox
import Testing

/// The operator and the Prometheus Operator's and Istio's kinds, as Deploy/'s ServiceAccount
/// (base, secret-rotation and extensions RBAC, read from the repository): nothing of them while
/// their CRDs are missing (status says so, no request loops), everything once the CRDs are
/// installed, without a restart; owned, kept true and pruned like the other children.
@Suite("The operator and the extension kinds", .serialized)
struct ExtensionKindsTests {
    static let extensionGroups = ["/apis/monitoring.coreos.com", "/apis/security.istio.io"]
    static let kinds: [ChildKind] = [.prometheusRule, .serviceMonitor, .peerAuthentication, .authorizationPolicy]

    /// A Microservice with an SLO, a metrics endpoint and strict mTLS.
    static func web() -> JSONValue {
        Fixtures.microservice("web", extra: [
            "ports": [["name": "http", "port": 8080], ["name": "metrics", "port": 9090]],
            "observability": ["metrics": ["port": "metrics", "path": "/metrics"]],
            "slo": ["availability": ["objective": 99.9, "window": "30d"], "latency": ["objective": 99, "thresholdMs": 300]],
            "mesh": ["mtls": "strict"],
        ])
    }

    /// The name of each extension child of `web`.
    static func name(_ kind: ChildKind) -> String { kind == .prometheusRule ? "web-slo" : "web" }

    @Test("without the CRDs nothing of them is written, status says so, and the objects appear once the CRDs are installed")
    func appearWhenTheCRDsAreInstalled() async throws {
        try await Self.withOperatorAsServiceAccount(rbac: Self.fullRBAC) { harness, shipshape in
            try await harness.create(Self.web())
            try await eventually("web's Deployment") { try await harness.get(.deployments, "web") != nil }
            try await eventually("ExtensionsServed False") {
                try await harness.status("web")?.condition("ExtensionsServed")?["status"]?.stringValue == "False"
            }
            try await harness.settle(shipshape)
            let condition = try #require(try await harness.status("web")?.condition("ExtensionsServed"))
            #expect(condition["reason"]?.stringValue == "NotServed")
            let message = condition["message"]?.stringValue ?? ""
            #expect(message.contains("PrometheusRule web-slo, ServiceMonitor web (monitoring.coreos.com/v1 is not served: install the Prometheus Operator)"), "\(message)")
            #expect(message.contains("PeerAuthentication web, AuthorizationPolicy web (security.istio.io/v1 is not served: install Istio)"), "\(message)")
            try await harness.rollOut("web", replicas: 2)
            try await eventually("Ready True: not a failure") {
                try await harness.status("web")?.condition("Ready")?["status"]?.stringValue == "True"
            }
            #expect(try await harness.status("web")?.condition("ExtensionsServed")?["status"]?.stringValue == "False")

            // A second reconcile changes nothing: the note is written once, nothing is retried.
            let before = await harness.sandbox.requests().filter { $0.user == DeployRBACTests.user }
            try await harness.mergePatch("web", ["metadata": ["annotations": ["touch": "1"]]])
            try await harness.settle(shipshape)
            let after = await harness.sandbox.requests().filter { $0.user == DeployRBACTests.user }.dropFirst(before.count)
            #expect(after.filter { $0.isWrite && !$0.path.contains("/events") }.map { "\($0.verb) \($0.path)" } == [])
            let extensionRequests = await Self.extensionRequests(harness)
            #expect(extensionRequests.allSatisfy { Self.extensionGroups.map { $0 + "/v1" }.contains($0.path) },
                    "only discovery: \(extensionRequests.map { "\($0.verb) \($0.path) \($0.status)" })")
            #expect(extensionRequests.count <= 4, "discovery is asked at start, not per reconcile")

            try await Self.installCRDs(harness)
            for kind in Self.kinds {
                try await eventually("\(kind.rawValue) \(Self.name(kind))", timeout: .seconds(30)) {
                    try await harness.get(kind.resource, Self.name(kind)) != nil
                }
                let object = try #require(try await harness.get(kind.resource, Self.name(kind)))
                #expect(AdoptionTests.controller(of: object) == "Microservice/web")
            }
            try await eventually("ExtensionsServed True") {
                try await harness.status("web")?.condition("ExtensionsServed")?["status"]?.stringValue == "True"
            }
            try await harness.settle(shipshape)
            let refused = await harness.sandbox.requests().filter { $0.user == DeployRBACTests.user && $0.status == 403 }
            #expect(refused.map { "\($0.verb) \($0.path)" } == [], "Deploy/'s RBAC lacks them")
        }
    }

    @Test("extension children are kept true: a hand edit is undone, removing spec.slo deletes the PrometheusRule")
    func keptTrueAndPruned() async throws {
        try await Self.withOperatorAsServiceAccount(rbac: Self.fullRBAC, crds: true) { harness, shipshape in
            try await harness.create(Self.web())
            for kind in Self.kinds {
                try await eventually("\(kind.rawValue) \(Self.name(kind))") { try await harness.get(kind.resource, Self.name(kind)) != nil }
            }
            try await harness.settle(shipshape)
            let rendered = try #require(try await harness.get(ChildKind.peerAuthentication.resource, "web")?["spec"])
            _ = try await harness.resource(ChildKind.peerAuthentication.resource)
                .patch("web", mergePatch: ["spec": ["mtls": ["mode": "PERMISSIVE"]]])
            try await eventually("the PeerAuthentication restored") {
                try await harness.get(ChildKind.peerAuthentication.resource, "web")?["spec"] == rendered
            }

            try await harness.mergePatch("web", ["spec": ["slo": .null]])
            try await eventually("the PrometheusRule deleted") {
                try await harness.get(ChildKind.prometheusRule.resource, "web-slo") == nil
            }
            try await harness.settle(shipshape)
            #expect(try await harness.get(ChildKind.serviceMonitor.resource, "web") != nil, "still wanted")
        }
    }

    @Test("CRDs installed but Deploy/extensions not applied: status says so, and no request is refused")
    func servedButNotPermitted() async throws {
        try await Self.withOperatorAsServiceAccount(rbac: Self.baseRBAC, crds: true) { harness, shipshape in
            try await harness.create(Self.web())
            try await eventually("ExtensionsServed False") {
                try await harness.status("web")?.condition("ExtensionsServed")?["status"]?.stringValue == "False"
            }
            try await harness.settle(shipshape)
            let condition = try #require(try await harness.status("web")?.condition("ExtensionsServed"))
            #expect(condition["reason"]?.stringValue == "Forbidden")
            #expect(condition["message"]?.stringValue?.contains("apply Deploy/extensions") == true, "\(condition)")
            let refused = await harness.sandbox.requests().filter { $0.user == DeployRBACTests.user && $0.status == 403 }
            #expect(refused.map { "\($0.verb) \($0.path)" } == [])
        }
    }

    static let baseRBAC = ["Deploy/base/namespace.yaml", "Deploy/base/rbac.yaml", "Deploy/secret-rotation/rbac.yaml"]
    static let fullRBAC = baseRBAC + ["Deploy/extensions/rbac.yaml"]

    /// Requests of the operator to the extension groups.
    static func extensionRequests(_ harness: Harness) async -> [RequestRecord] {
        await harness.sandbox.requests().filter { request in
            request.user == DeployRBACTests.user && extensionGroups.contains { request.path.hasPrefix($0) }
        }
    }

    /// Installs the four CRD fixtures (written from the projects' documentation) as admin.
    static func installCRDs(_ harness: Harness) async throws {
        let directory = Fixtures.root.appendingPathComponent("Tests/Fixtures/crds")
        for kind in kinds {
            guard let extensionKind = kind.extensionKind else { continue }
            let file = directory.appendingPathComponent("\(extensionKind.crdName).yaml")
            let crd = try #require(try SourceReader.objects(in: String(contentsOf: file, encoding: .utf8), file: file.path).first)
            _ = try await harness.client.resource(KubeModel.ResourceType.customResourceDefinitions).create(crd.value)
        }
    }

    /// A sandbox with `rbac` applied (and the CRDs when `crds`), the operator running with a
    /// token of Deploy/'s ServiceAccount.
    static func withOperatorAsServiceAccount(rbac: [String], crds: Bool = false,
                                             _ body: (Harness, Operator) async throws -> Void) async throws {
        var options = SandboxOptions(schemas: Fixtures.schemas, controllers: false)
        options.ownerReferencesPermissionEnforcement = true
        try await Harness.withSandbox(options) { harness in
            for path in rbac {
                for object in try DeployRBACTests.objects(path) { try await DeployRBACTests.create(object, harness.client) }
            }
            if crds { try await installCRDs(harness) }
            let token = try await DeployRBACTests.serviceAccountToken(harness.client)
            let client = try KubernetesClient(configuration: ClientConfiguration(server: harness.sandbox.url, credentials: .token(token)),
                                              logger: Harness.logger("operator"))
            let settings = OperatorSettings(namespaces: nil, workers: 2, shutdownTimeout: .seconds(5), identity: "operator-0")
            try await harness.withOperator(Operator(client: client, settings: settings, logger: Harness.logger("operator"))) { shipshape in
                try await body(harness, shipshape)
            }
        }
    }
}
