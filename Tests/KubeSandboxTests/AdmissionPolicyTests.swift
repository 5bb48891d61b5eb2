import KubeModel
import KubeSandbox
import Testing

/// ValidatingAdmissionPolicies and their bindings: served, validated, and enforced on writes as
/// the real server's policy plugin does (replay cases 546-548).
@Suite struct AdmissionPolicyTests {
    static let policies = "/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies"
    static let bindings = "/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings"
    static let configMaps = "/api/v1/namespaces/guarded/configmaps"

    /// A policy on ConfigMaps in namespaces labelled `guarded: yes`, `edit`ed.
    static func policy(_ name: String, _ edit: (inout JSONValue) -> Void = { _ in }) -> JSONValue {
        var spec: JSONValue = [
            "matchConstraints": [
                "resourceRules": [["apiGroups": [""], "apiVersions": ["v1"], "operations": ["CREATE", "UPDATE", "DELETE"], "resources": ["configmaps"]]],
                "namespaceSelector": ["matchLabels": ["guarded": "yes"]],
            ],
            "validations": [["expression": "!object.metadata.name.startsWith('bad')", "message": "no bad names"]],
        ]
        edit(&spec)
        return ["apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingAdmissionPolicy", "metadata": ["name": .string(name)],
                "spec": spec]
    }

    static func binding(_ name: String, policy: String, actions: [String] = ["Deny"]) -> JSONValue {
        ["apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingAdmissionPolicyBinding", "metadata": ["name": .string(name)],
         "spec": ["policyName": .string(policy), "validationActions": .array(actions.map(JSONValue.string))]]
    }

    /// A sandbox with namespaces `guarded` (selected) and `open` (not), and `policy` bound as `actions`.
    static func withPolicy(_ policy: JSONValue, actions: [String] = ["Deny"], _ body: (SandboxClient) async throws -> Void) async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            for (name, labels) in [("guarded", ["guarded": "yes"]), ("open", [:])] as [(String, JSONValue)] {
                #expect(try await client.post("/api/v1/namespaces", ["apiVersion": "v1", "kind": "Namespace",
                                                                     "metadata": ["name": .string(name), "labels": labels]]).status == 201)
            }
            let name = policy["metadata"]?["name"]?.stringValue ?? ""
            let created = try await client.post(Self.policies, policy)
            #expect(created.status == 201, "\(created.text)")
            #expect(try await client.post(Self.bindings, Self.binding(name, policy: name, actions: actions)).status == 201)
            try await body(client)
        }
    }

    @Test func aFailedValidationDeniesWithTheRealServersStatus() async throws {
        try await Self.withPolicy(Self.policy("names")) { client in
            let denied = try await client.post(Self.configMaps, Valid.configMap("bad-one"))
            #expect(denied.status == 422)
            #expect(denied.json["reason"] == "Invalid")
            #expect(denied.json["message"] == "configmaps \"bad-one\" is forbidden: ValidatingAdmissionPolicy 'names' with binding 'names' denied request: no bad names")
            #expect(denied.json["details"]?["name"] == "bad-one")
            #expect(denied.json["details"]?["kind"] == "configmaps")
            #expect(try await client.get(Self.configMaps + "/bad-one").status == 404)
            #expect(try await client.post(Self.configMaps + "?dryRun=All", Valid.configMap("bad-two")).status == 422)

            #expect(try await client.post(Self.configMaps, Valid.configMap("good")).status == 201)
            #expect(try await client.post("/api/v1/namespaces/open/configmaps", Valid.configMap("bad-elsewhere")).status == 201,
                    "a namespace the selector does not select is not checked")
        }
    }

    @Test func policiesAreDefaultedAndValidated() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let created = try await client.post(Self.policies, Self.policy("defaults"))
            #expect(created.json["spec"]?["failurePolicy"] == "Fail")
            #expect(created.json["spec"]?["matchConstraints"]?["matchPolicy"] == "Equivalent")
            #expect(created.json["spec"]?["matchConstraints"]?["objectSelector"] == [:])
            #expect(created.json["metadata"]?["generation"] == 1)

            try await client.expectRefused(Refusal(
                name: "", path: Self.policies,
                body: Self.policy("broken") { $0["validations"] = [["expression": "object.metadata.name +"], ["expression": ""]] },
                causes: ["FieldValueInvalid spec.validations[0].expression", "FieldValueRequired spec.validations[1].expression"]))
            try await client.expectRefused(Refusal(
                name: "", path: Self.policies, body: Self.policy("unmatched") { $0["matchConstraints"] = nil },
                causes: ["FieldValueRequired spec.matchConstraints"]))
            try await client.expectRefused(Refusal(
                name: "", path: Self.bindings, body: Self.binding("loud", policy: "defaults", actions: ["Deny", "Warn"]),
                causes: ["FieldValueInvalid spec.validationActions"]))
            try await client.expectRefused(Refusal(
                name: "", path: Self.bindings, body: Self.binding("idle", policy: "defaults", actions: []),
                causes: ["FieldValueRequired spec.validationActions"]))
        }
    }

    @Test func warnBindingsAdmitWithAWarning() async throws {
        try await Self.withPolicy(Self.policy("names"), actions: ["Warn"]) { client in
            let admitted = try await client.post(Self.configMaps, Valid.configMap("bad-but-warned"))
            #expect(admitted.status == 201)
            #expect(admitted.headers["Warning"].contains {
                $0.contains("Validation failed for ValidatingAdmissionPolicy 'names' with binding 'names': no bad names")
            })
        }
    }

    @Test func updatesSeeTheOldObjectAndMessageExpressionsAreEvaluated() async throws {
        let policy = Self.policy("frozen") {
            $0["validations"] = [[
                "expression": "oldObject == null || object.data == oldObject.data",
                "messageExpression": "'data of ' + object.metadata.name + ' is frozen'",
                "reason": "Forbidden",
            ]]
        }
        try await Self.withPolicy(policy) { client in
            #expect(try await client.post(Self.configMaps, Valid.configMap("cm")).status == 201)
            let changed = try await client.mergePatch(Self.configMaps + "/cm", ["data": ["k": "other"]])
            #expect(changed.status == 403)
            #expect(changed.json["reason"] == "Forbidden")
            #expect(changed.json["message"]?.stringValue?.hasSuffix("denied request: data of cm is frozen") == true)
            #expect(try await client.mergePatch(Self.configMaps + "/cm", ["metadata": ["labels": ["a": "b"]]]).status == 200)
        }
    }

    @Test func matchConditionsAndFailurePoliciesDecideWhatIsChecked() async throws {
        let conditional = Self.policy("conditional") {
            $0["matchConditions"] = [["name": "only-labelled", "expression": "has(object.metadata.labels) && 'strict' in object.metadata.labels"]]
            $0["validations"] = [["expression": "object.data.size() == 0"]]
        }
        try await Self.withPolicy(conditional) { client in
            #expect(try await client.post(Self.configMaps, Valid.configMap("loose")).status == 201)
            let strict = try await client.post(Self.configMaps, Valid.configMap("strict") { $0["metadata"]?["labels"] = ["strict": "1"] })
            #expect(strict.status == 422)
            #expect(strict.json["message"]?.stringValue?.hasSuffix("denied request: failed expression: object.data.size() == 0") == true)
        }
        for (failurePolicy, expected) in [("Fail", 422), ("Ignore", 201)] {
            let erring = Self.policy("erring") {
                $0["failurePolicy"] = .string(failurePolicy)
                $0["validations"] = [["expression": "object.data.missing == 'x'"]]
            }
            try await Self.withPolicy(erring) { client in
                let answer = try await client.post(Self.configMaps, Valid.configMap("cm"))
                #expect(answer.status == expected, "failurePolicy \(failurePolicy): \(answer.text)")
            }
        }
    }

    @Test func validationsReadTheSpecsVariables() async throws {
        let policy = Self.policy("sized") {
            $0["variables"] = [["name": "keys", "expression": "object.data.size()"], ["name": "limit", "expression": "variables.keys < 2"]]
            $0["validations"] = [["expression": "variables.limit", "messageExpression": "'too many keys: ' + string(variables.keys)"]]
        }
        try await Self.withPolicy(policy) { client in
            #expect(try await client.post(Self.configMaps, Valid.configMap("small")).status == 201)
            let large = try await client.post(Self.configMaps, Valid.configMap("large") { $0["data"] = ["a": "1", "b": "2"] })
            #expect(large.status == 422)
            #expect(large.json["message"]?.stringValue?.hasSuffix("denied request: too many keys: 2") == true, "\(large.text)")
        }
    }

    @Test func paramsComeFromTheObjectTheBindingReferences() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post("/api/v1/namespaces", ["apiVersion": "v1", "kind": "Namespace",
                                                                 "metadata": ["name": "guarded", "labels": ["guarded": "yes"]]]).status == 201)
            let policy = Self.policy("limited") {
                $0["paramKind"] = ["apiVersion": "v1", "kind": "ConfigMap"]
                $0["validations"] = [["expression": "object.data.size() <= int(params.data.max)", "message": "too many keys"]]
            }
            #expect(try await client.post(Self.policies, policy).status == 201)
            var binding = Self.binding("limited", policy: "limited")
            binding["spec"]?["paramRef"] = ["name": "limits", "namespace": "default", "parameterNotFoundAction": "Deny"]
            #expect(try await client.post(Self.bindings, binding).status == 201)

            let withoutParams = try await client.post(Self.configMaps, Valid.configMap("early"))
            #expect(withoutParams.status == 422)
            #expect(withoutParams.json["message"]?.stringValue?.hasSuffix("no params found for policy binding with `Deny` parameterNotFoundAction") == true)

            #expect(try await client.post("/api/v1/namespaces/default/configmaps", Valid.configMap("limits") { $0["data"] = ["max": "1"] }).status == 201)
            #expect(try await client.post(Self.configMaps, Valid.configMap("one")).status == 201)
            let two = try await client.post(Self.configMaps, Valid.configMap("two") { $0["data"] = ["a": "1", "b": "2"] })
            #expect(two.status == 422)
            #expect(two.json["message"]?.stringValue?.hasSuffix("denied request: too many keys") == true)

            var refused = Self.binding("both", policy: "limited")
            refused["spec"]?["paramRef"] = ["name": "limits", "selector": [:]]
            try await client.expectRefused(Refusal(name: "", path: Self.bindings, body: refused, causes: [
                "FieldValueForbidden spec.paramRef.name", "FieldValueRequired spec.paramRef.parameterNotFoundAction",
            ]))
        }
    }

    @Test func deletesAreCheckedOnTheOldObject() async throws {
        let policy = Self.policy("kept") {
            $0["validations"] = [["expression": "request.operation != 'DELETE' || !has(oldObject.metadata.labels)", "message": "labelled objects stay"]]
        }
        try await Self.withPolicy(policy) { (client: SandboxClient) async throws in
            let labelled = Valid.configMap("kept") { $0["metadata"]?["labels"] = ["keep": "yes"] }
            #expect(try await client.post(Self.configMaps, labelled).status == 201)
            #expect(try await client.delete(Self.configMaps + "/kept").status == 422)
            #expect(try await client.get(Self.configMaps + "/kept").status == 200)
        }
    }
}
