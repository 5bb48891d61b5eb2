import Foundation
import KubeModel
import KubeSandbox
import NIOHTTP1
import Testing

/// Custom resources' CEL rules, patterns and list keys against the cases recorded from a real
/// API server (`../shared/kube-replay`), replayed in order on one sandbox.
@Suite struct CustomResourceRuleTests {
    /// The namespace and the two CRDs the cases below need.
    static let setup = [38, 279, 280, 323]
    /// Cases whose status and causes (reason, field) must agree.
    static let checked = [276, 277, 289, 290, 291, 292, 293, 294, 295, 296, 297, 298, 299, 300, 328, 329, 331, 332, 333, 334, 337, 338, 339, 340, 343, 344, 368, 369, 370, 371, 372, 373]

    static func cases() throws -> [Int: JSONValue] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/kube-replay/cases.jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        var cases: [Int: JSONValue] = [:]
        for line in text.split(separator: "\n") {
            let value = try JSONValue(parsingJSON: String(line))
            if let seq = value["seq"]?.intValue { cases[seq] = value }
        }
        return cases
    }

    static func causes(_ body: JSONValue?) -> Set<String> {
        Set((body?["details"]?["causes"]?.arrayValue ?? []).map { "\($0["reason"]?.stringValue ?? "") \($0["field"]?.stringValue ?? "")" })
    }

    @Test func recordedRuleCasesAgree() async throws {
        let cases = try Self.cases()
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            for seq in (Self.setup + Self.checked).sorted() {
                let recorded = try #require(cases[seq])
                let request = try #require(recorded["request"])
                let method = HTTPMethod(rawValue: request["method"]?.stringValue ?? "GET")
                let contentType = request["headers"]?["Content-Type"]?.stringValue ?? "application/json"
                let body = request["body"].flatMap { $0.isNull ? nil : $0 }
                let response = try await client.send(method, request["path"]?.stringValue ?? "", body: body, contentType: contentType)
                let expected = recorded["real"]?["status"]?.intValue
                #expect(response.status == expected, "case \(seq): \(response.text)")
                if Self.checked.contains(seq) {
                    #expect(Self.causes(response.json) == Self.causes(recorded["real"]?["body"]), "case \(seq): \(response.text)")
                }
            }
        }
    }
}

/// Rule behaviour the recorded cases do not cover.
@Suite struct CustomResourceRuleBehaviourTests {
    static let crd = definition()

    /// The CRD, with `itemsRules` added to `spec.items`.
    static func definition(itemsRules: JSONValue = []) -> JSONValue { [
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": ["name": "gizmos.example.dev"],
        "spec": [
            "group": "example.dev", "scope": "Namespaced",
            "names": ["plural": "gizmos", "singular": "gizmo", "kind": "Gizmo"],
            "versions": [[
                "name": "v1", "served": true, "storage": true,
                "schema": ["openAPIV3Schema": [
                    "type": "object",
                    "properties": ["spec": ["type": "object", "properties": [
                        "tags": ["type": "array", "x-kubernetes-list-type": "set", "items": ["type": "string"]],
                        "items": [
                            "type": "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"],
                            "x-kubernetes-validations": itemsRules,
                            "items": ["type": "object", "required": ["name"], "properties": [
                                "name": ["type": "string"],
                                "size": ["type": "integer", "x-kubernetes-validations": [
                                    ["rule": "self >= oldSelf", "message": "size may only grow"],
                                ]],
                            ]],
                        ],
                        "count": ["type": "integer", "x-kubernetes-validations": [
                            ["rule": "oldSelf.hasValue() || self == 0", "optionalOldSelf": true, "messageExpression": "'starts at 0, not ' + string(self)"],
                        ]],
                    ]]],
                ]],
            ]],
        ],
    ] }

    @Test func transitionRulesCorrelateByListKeyAndOptionalOldSelfRunsOnCreate() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Self.crd).status == 201)
            let path = "/apis/example.dev/v1/namespaces/default/gizmos"
            let object: JSONValue = ["apiVersion": "example.dev/v1", "kind": "Gizmo", "metadata": ["name": "g"],
                                     "spec": ["count": 3, "items": [["name": "a", "size": 2]]]]
            let refused = try await client.post(path, object)
            #expect(refused.status == 422)
            #expect(refused.json["details"]?["causes"]?.arrayValue?.first?["message"] == "Invalid value: 3: starts at 0, not 3")

            var valid = object
            valid["spec"]?["count"] = 0
            #expect(try await client.post(path, valid).status == 201)

            let shrunk = try await client.mergePatch(path + "/g", ["spec": ["items": [["name": "b", "size": 1], ["name": "a", "size": 1]]]])
            #expect(shrunk.status == 422)
            #expect(CustomResourceRuleTests.causes(shrunk.json) == ["FieldValueInvalid spec.items[1].size"], "only a, which existed before, is compared")

            let duplicate = try await client.mergePatch(path + "/g", ["spec": ["count": 5, "tags": ["x", "y", "x"]]])
            #expect(duplicate.status == 422)
            #expect(CustomResourceRuleTests.causes(duplicate.json) == ["FieldValueDuplicate spec.tags[2]"], "an existing count may change")

            // A rule added later: unchanged values are ratcheted, changed ones are checked.
            let crdPath = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gizmos.example.dev"
            var stricter = Self.definition(itemsRules: [["rule": "self.all(i, i.size > 5)", "message": "items must be large"]])
            stricter["metadata"]?["resourceVersion"] = try await client.get(crdPath).json["metadata"]?["resourceVersion"]
            #expect(try await client.put(crdPath, stricter).status == 200)
            let untouched = try await client.mergePatch(path + "/g", ["spec": ["tags": ["x"]]])
            #expect(untouched.status == 200, "items did not change: \(untouched.text)")
            let touched = try await client.mergePatch(path + "/g", ["spec": ["items": [["name": "a", "size": 3]]]])
            #expect(CustomResourceRuleTests.causes(touched.json) == ["FieldValueInvalid spec.items"])
        }
    }
}
