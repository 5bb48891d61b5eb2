import KubeModel
import Testing

/// KubeSandbox evaluates a webhook's matchConditions before calling it, as the API server does:
/// a false condition skips the webhook; one that cannot be evaluated refuses the request (403)
/// under failurePolicy Fail.
@Suite(.serialized, .timeLimit(.minutes(1))) struct SandboxMatchConditionTests {
    static let microservices = "/apis/shipshape.dev/v1alpha1/namespaces/demo/microservices"
    static let configuration = "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations/shipshape"

    /// Deploy/'s webhook configuration with `conditions` on every webhook.
    static func condition(_ http: SandboxHTTP, _ conditions: JSONValue) async throws {
        guard var configuration = try await http.send(.GET, configuration).json else { throw ConditionTestError() }
        configuration["webhooks"] = .array((configuration["webhooks"]?.arrayValue ?? []).map { webhook in
            var webhook = webhook
            webhook["matchConditions"] = conditions
            return webhook
        })
        let updated = try await http.send(.PUT, Self.configuration, configuration)
        #expect(updated.status == 200, "\(updated.json?.jsonText() ?? "")")
    }

    struct ConditionTestError: Error {}

    @Test func aFalseConditionSkipsTheWebhook() async throws {
        try await SandboxDispatchTests.withSandboxAndWebhook { _, http in
            try await Self.condition(http, [["name": "not-legacy", "expression": "object.metadata.name != 'legacy-billing'"]])
            let admitted = try await http.send(.POST, Self.microservices, try SandboxDispatchTests.legacyBilling(mode: "enforce"))
            #expect(admitted.status == 201, "the webhook that would deny it is not called")
        }
    }

    @Test func aTrueConditionCallsTheWebhook() async throws {
        try await SandboxDispatchTests.withSandboxAndWebhook { _, http in
            try await Self.condition(http, [["name": "always", "expression": "request.operation == 'CREATE'"]])
            let denied = try await http.send(.POST, Self.microservices, try SandboxDispatchTests.legacyBilling(mode: "enforce"))
            #expect(denied.status == 403)
            #expect(denied.json?["message"]?.stringValue?.hasPrefix("admission webhook \"microservices.shipshape.dev\" denied the request") == true)
        }
    }

    @Test func aConditionInErrorRefusesUnderFailurePolicyFail() async throws {
        try await SandboxDispatchTests.withSandboxAndWebhook { _, http in
            try await Self.condition(http, [["name": "broken", "expression": "object.spec.nothing == 'x'"]])
            let refused = try await http.send(.POST, Self.microservices, try SandboxDispatchTests.legacyBilling(mode: "warn"))
            #expect(refused.status == 403)
            #expect(refused.json?["reason"] == "Forbidden")
            #expect(refused.json?["message"]?.stringValue?.hasPrefix(
                "microservices.shipshape.dev \"legacy-billing\" is forbidden: expression 'object.spec.nothing == 'x'' resulted in error: ") == true,
                "\(refused.json?.jsonText() ?? "")")
        }
    }
}
