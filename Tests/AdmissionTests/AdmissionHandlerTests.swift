import KubeModel
import ShipshapeAPI
import Testing
@testable import Admission

/// A two-rule stand-in for the checklist, so these tests pin down admission's own logic
/// (modes, ratcheting, messages); the real catalogue is tested in ChecklistTests.
struct TwoRules: AdmissionChecklist {
    func findings(for microservice: Microservice) -> [AdmissionFinding] {
        var findings: [AdmissionFinding] = []
        if microservice.spec.image.hasSuffix(":latest") {
            findings.append(.init(rule: "image-pinned", severity: .error, path: "spec.image", message: "spec.image: tag \"latest\" is not pinned",
                                  remediation: "use a version tag or a digest"))
        }
        if microservice.spec.resources?.requests?.cpu == nil {
            findings.append(.init(rule: "cpu-request", severity: .error, path: "spec.resources.requests.cpu", message: "spec.resources.requests.cpu is not set",
                                  remediation: "request the CPU the service needs, e.g. 100m"))
        }
        if microservice.spec.replicas == 1 {
            findings.append(.init(rule: "replicas-ha", severity: .warning, path: "spec.replicas", message: "spec.replicas is 1",
                                  remediation: "run at least 2"))
        }
        return findings
    }

    func findings(forWorkload object: JSONValue) -> [AdmissionFinding] {
        let image = object[FieldPath(parsing: "spec.template.spec.containers[0].image")]?.stringValue ?? ""
        guard image.hasSuffix(":latest") else { return [] }
        return [.init(rule: "image-pinned", severity: .error, path: "spec.template.spec.containers[app].image",
                      message: "spec.template.spec.containers[app].image: tag \"latest\" is not pinned", remediation: "use a version tag or a digest")]
    }
}

@Suite struct AdmissionHandlerTests {
    let handler = AdmissionHandler(checklist: TwoRules())

    static func microservice(image: String, cpu: String? = "100m", replicas: Int? = nil, mode: String? = nil) -> JSONValue {
        var spec: JSONObject = ["image": .string(image)]
        if let replicas { spec["replicas"] = .integer(replicas) }
        if let cpu { spec["resources"] = ["requests": ["cpu": .string(cpu)]] }
        if let mode { spec["checklist"] = ["mode": .string(mode)] }
        return ["apiVersion": "shipshape.dev/v1alpha1", "kind": "Microservice",
                "metadata": ["name": "orders", "namespace": "shop"], "spec": .object(spec)]
    }

    static func review(_ operation: String, object: JSONValue?, old: JSONValue? = nil,
                       kind: (String, String) = ("shipshape.dev", "Microservice")) -> JSONValue {
        var request: JSONObject = [
            "uid": "u-1", "kind": ["group": .string(kind.0), "version": "v1alpha1", "kind": .string(kind.1)],
            "namespace": "shop", "operation": .string(operation),
        ]
        if let object { request["object"] = object }
        if let old { request["oldObject"] = old }
        return ["apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": .object(request)]
    }

    func respond(_ review: JSONValue) throws -> AdmissionResponse {
        try handler.reviewMicroservice(AdmissionRequest(review: review))
    }

    @Test func enforceDeniesWithEveryErrorAndItsFix() throws {
        let response = try respond(Self.review("CREATE", object: Self.microservice(image: "orders:latest", cpu: nil, replicas: 1)))
        #expect(!response.allowed)
        #expect(response.denial?.code == 403)
        #expect(response.denial?.message == """
            Microservice shop/orders breaks 2 checklist rules (mode enforce):
            - image-pinned: spec.image: tag "latest" is not pinned. Fix: use a version tag or a digest
            - cpu-request: spec.resources.requests.cpu is not set. Fix: request the CPU the service needs, e.g. 100m
            Exempt a rule in spec.checklist.exemptions (with a reason), or set spec.checklist.mode: warn.
            """)
        #expect(response.warnings == ["[replicas-ha] spec.replicas is 1"])
        #expect(response.review["response"]?["uid"] == "u-1")
    }

    @Test func warnModeAllowsWithWarnings() throws {
        let response = try respond(Self.review("CREATE", object: Self.microservice(image: "orders:latest", mode: "warn")))
        #expect(response.allowed)
        #expect(response.warnings == ["[image-pinned] spec.image: tag \"latest\" is not pinned"])
    }

    @Test func updatesAreRatchetedAgainstTheOldObject() throws {
        let old = Self.microservice(image: "orders:latest")
        // Still latest (old debt) but a new problem: only the new one blocks.
        let worse = try respond(Self.review("UPDATE", object: Self.microservice(image: "orders:latest", cpu: nil), old: old))
        #expect(!worse.allowed)
        #expect(worse.denial?.message.contains("cpu-request") == true)
        #expect(worse.denial?.message.contains("- image-pinned") == false)
        #expect(worse.warnings.contains("[image-pinned] spec.image: tag \"latest\" is not pinned (already present before this update)"))
        // An emergency edit that changes something else is allowed despite the old debt.
        let emergency = try respond(Self.review("UPDATE", object: Self.microservice(image: "orders:latest", replicas: 3), old: old))
        #expect(emergency.allowed)
    }

    @Test func invalidMicroservicesAreDeniedWithTheirFields() throws {
        var bad = Self.microservice(image: "orders:1.0")
        bad["spec"]?["replicass"] = 2
        let response = try respond(Self.review("CREATE", object: bad))
        #expect(response.denial?.code == 422)
        #expect(response.denial?.message == "Microservice shop/orders is invalid:\n- spec.replicass: unknown field (did you mean \"replicas\"?)")
    }

    @Test func deleteAndOtherKindsAreAllowed() throws {
        #expect(try respond(Self.review("DELETE", object: nil)).allowed)
        #expect(try respond(Self.review("CREATE", object: [:], kind: ("", "ConfigMap"))).allowed)
    }

    @Test func theWorkloadGuardUsesTheEndpointsMode() throws {
        let deployment: JSONValue = ["metadata": ["name": "legacy"], "spec": ["template": ["spec": ["containers": [["name": "app", "image": "app:latest"]]]]]]
        let request = try AdmissionRequest(review: Self.review("CREATE", object: deployment, kind: ("apps", "Deployment")))
        let enforced = try handler.reviewWorkload(request, mode: .enforce)
        #expect(!enforced.allowed)
        #expect(enforced.denial?.message.hasPrefix("Deployment shop/legacy breaks 1 checklist rule (mode enforce):") == true)
        #expect(try handler.reviewWorkload(request, mode: .warn).allowed)
        let service = try AdmissionRequest(review: Self.review("CREATE", object: [:], kind: ("", "Service")))
        #expect(try handler.reviewWorkload(service, mode: .enforce).allowed)
    }

    @Test(arguments: [
        JSONValue.array([]),
        ["apiVersion": "v1", "kind": "AdmissionReview"],
        ["apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview"],
        ["apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": ["kind": ["kind": "X"], "operation": "CREATE"]],
        ["apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": ["uid": "u", "operation": "CREATE"]],
        ["apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
         "request": ["uid": "u", "operation": "CREATE", "kind": ["group": "shipshape.dev", "kind": "Microservice"]]],
    ])
    func malformedReviewsAreBadRequests(_ body: JSONValue) {
        #expect(throws: AdmissionError.self) { try respond(body) }
    }
}
