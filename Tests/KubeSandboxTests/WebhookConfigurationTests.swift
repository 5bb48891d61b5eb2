import KubeModel
import KubeSandbox
import Testing

/// Validating- and MutatingWebhookConfigurations are defaulted and validated as the real server
/// does (replay cases 534-536, 542).
@Suite struct WebhookConfigurationTests {
    static let validating = "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations"
    static let mutating = "/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations"

    /// A valid configuration with one webhook, `edit`ed.
    static func configuration(kind: String = "ValidatingWebhookConfiguration", _ edit: (inout JSONValue) -> Void = { _ in }) -> JSONValue {
        var webhook: JSONValue = [
            "name": "check.tests.example.com", "sideEffects": "None", "admissionReviewVersions": ["v1"],
            "clientConfig": ["url": "https://127.0.0.1:9443/validate"],
            "rules": [["apiGroups": [""], "apiVersions": ["v1"], "operations": ["CREATE"], "resources": ["configmaps"]]],
        ]
        edit(&webhook)
        return ["apiVersion": "admissionregistration.k8s.io/v1", "kind": .string(kind), "metadata": ["name": "tests"],
                "webhooks": [webhook]]
    }

    static func refusal(_ name: String, _ causes: Set<String>, _ edit: @escaping (inout JSONValue) -> Void) -> Refusal {
        Refusal(name: name, path: validating + "?dryRun=All", body: configuration(edit), causes: causes)
    }

    static let refusals: [Refusal] = [
        refusal("plain http URLs", ["FieldValueInvalid webhooks[0].clientConfig.url"]) { $0["clientConfig"] = ["url": "http://127.0.0.1:1/x"] },
        refusal("URLs with a query", ["FieldValueInvalid webhooks[0].clientConfig.url"]) { $0["clientConfig"] = ["url": "https://h.example.com/x?a=b"] },
        refusal("no URL and no service", ["FieldValueRequired webhooks[0].clientConfig"]) { $0["clientConfig"] = [:] },
        refusal("services without a namespace", ["FieldValueRequired webhooks[0].clientConfig.service.namespace"]) {
            $0["clientConfig"] = ["service": ["name": "hook"]]
        },
        refusal("missing side effects", ["FieldValueRequired webhooks[0].sideEffects"]) { $0["sideEffects"] = nil },
        refusal("side effects a dry run would cause", ["FieldValueNotSupported webhooks[0].sideEffects"]) { $0["sideEffects"] = "Some" },
        refusal("names of fewer than three segments", ["FieldValueInvalid webhooks[0].name"]) { $0["name"] = "check.example" },
        refusal("timeouts above 30 seconds", ["FieldValueInvalid webhooks[0].timeoutSeconds"]) { $0["timeoutSeconds"] = 31 },
        refusal("no admission review version", ["FieldValueRequired webhooks[0].admissionReviewVersions"]) { $0["admissionReviewVersions"] = [] },
        refusal("unknown admission review versions", ["FieldValueInvalid webhooks[0].admissionReviewVersions"]) {
            $0["admissionReviewVersions"] = ["v7"]
        },
        refusal("failure policies", ["FieldValueNotSupported webhooks[0].failurePolicy"]) { $0["failurePolicy"] = "Maybe" },
        refusal("rule scopes and operations", [
            "FieldValueNotSupported webhooks[0].rules[0].scope", "FieldValueNotSupported webhooks[0].rules[0].operations[0]",
        ]) {
            $0["rules"] = [["apiGroups": [""], "apiVersions": ["v1"], "operations": ["READ"], "resources": ["configmaps"], "scope": "Galaxy"]]
        },
        refusal("rules without resources", ["FieldValueRequired webhooks[0].rules[0].resources"]) {
            $0["rules"] = [["apiGroups": [""], "apiVersions": ["v1"], "operations": ["CREATE"], "resources": []]]
        },
    ]

    @Test(arguments: refusals) func refused(_ refusal: Refusal) async throws {
        try await KubeSandbox.withRunning { sandbox in
            try await SandboxClient(sandbox).expectRefused(refusal)
        }
    }

    @Test func theHTTPSchemeIsNamedInTheMessage() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let refused = try await SandboxClient(sandbox).post(Self.validating, Self.configuration { $0["clientConfig"] = ["url": "http://127.0.0.1:1/x"] })
            #expect(refused.json["message"] == """
                ValidatingWebhookConfiguration.admissionregistration.k8s.io "tests" is invalid: webhooks[0].clientConfig.url: \
                Invalid value: "http": 'https' is the only allowed URL scheme; desired format: https://host[/path]
                """)
        }
    }

    @Test func webhooksAreDefaulted() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let validating = try await client.post(Self.validating, Self.configuration())
            #expect(validating.status == 201, "\(validating.text)")
            let hook = validating.json["webhooks"]?.arrayValue?.first
            #expect(hook?["failurePolicy"] == "Fail")
            #expect(hook?["matchPolicy"] == "Equivalent")
            #expect(hook?["namespaceSelector"] == [:])
            #expect(hook?["objectSelector"] == [:])
            #expect(hook?["timeoutSeconds"] == 10)
            #expect(hook?["rules"]?.arrayValue?.first?["scope"] == "*")
            #expect(hook?["reinvocationPolicy"] == nil)
            #expect(validating.json["metadata"]?["generation"] == 1)

            let mutating = try await client.post(Self.mutating, Self.configuration(kind: "MutatingWebhookConfiguration") {
                $0["clientConfig"] = ["service": ["namespace": "hooks", "name": "hook"]]
            })
            #expect(mutating.status == 201, "\(mutating.text)")
            #expect(mutating.json["webhooks"]?.arrayValue?.first?["reinvocationPolicy"] == "Never")
            #expect(mutating.json["webhooks"]?.arrayValue?.first?["clientConfig"]?["service"]?["port"] == 443)
        }
    }
}
