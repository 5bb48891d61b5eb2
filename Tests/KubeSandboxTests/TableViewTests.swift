import Foundation
import KubeModel
import Testing
@testable import KubeSandbox

/// `kubectl get` on a custom resource shows its printer columns: the sandbox answers the Table
/// view from the CRD's additionalPrinterColumns.
@Suite struct TableViewTests {
    static let kubectlAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json"

    static let crd: JSONValue = [
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": ["name": "widgets.example.dev"],
        "spec": [
            "group": "example.dev", "scope": "Namespaced",
            "names": ["plural": "widgets", "singular": "widget", "kind": "Widget"],
            "versions": [[
                "name": "v1", "served": true, "storage": true, "subresources": ["status": [:]],
                "additionalPrinterColumns": [
                    ["name": "Ready", "type": "string", "jsonPath": ".status.conditions[?(@.type==\"Ready\")].status"],
                    ["name": "Replicas", "type": "integer", "jsonPath": ".status.readyReplicas"],
                    ["name": "Age", "type": "date", "jsonPath": ".metadata.creationTimestamp"],
                ],
                "schema": ["openAPIV3Schema": ["type": "object", "x-kubernetes-preserve-unknown-fields": true]],
            ]],
        ],
    ]

    @Test func customResourcesAreServedAsTablesToKubectl() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Self.crd).status == 201)
            let path = "/apis/example.dev/v1/namespaces/default/widgets"
            #expect(try await client.post(path, ["apiVersion": "example.dev/v1", "kind": "Widget", "metadata": ["name": "w1"]]).status == 201)
            let status: JSONValue = ["status": ["readyReplicas": 2, "conditions": [["type": "Other", "status": "False"], ["type": "Ready", "status": "True"]]]]
            #expect(try await client.mergePatch(path + "/w1/status", status).status == 200)

            let table = try await client.get(path, accept: Self.kubectlAccept).json
            #expect(table["kind"] == "Table")
            #expect(table["columnDefinitions"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["Name", "Ready", "Replicas", "Age"])
            let cells = try #require(table["rows"]?.arrayValue?.first?["cells"]?.arrayValue)
            #expect(Array(cells.prefix(3)) == ["w1", "True", 2])
            #expect(cells[3].stringValue?.hasSuffix("s") == true, "an age such as 0s")
            #expect(table["rows"]?.arrayValue?.first?["object"]?["kind"] == "PartialObjectMetadata")

            let one = try await client.get(path + "/w1", accept: Self.kubectlAccept).json
            #expect(one["rows"]?.arrayValue?.count == 1)
            #expect(one["metadata"]?["resourceVersion"] != nil, "a single object's Table carries its resourceVersion")
        }
    }

    @Test func jsonPathCoversThePrinterColumnForms() {
        let object: JSONValue = ["status": ["conditions": [["type": "A", "status": "x"], ["type": "Ready", "status": "True"]], "n": [1, 2]]]
        #expect(JSONPathLite(".status.conditions[?(@.type==\"Ready\")].status").evaluate(on: object) == ["True"])
        #expect(JSONPathLite(".status.conditions[?(@.type=='A')].status").evaluate(on: object) == ["x"])
        #expect(JSONPathLite("{.status.n[1]}").evaluate(on: object) == [2])
        #expect(JSONPathLite(".status.n[*]").evaluate(on: object) == [1, 2])
        #expect(JSONPathLite(".status.missing.deeper").evaluate(on: object) == [])
    }

    @Test func agesReadLikeKubectls() {
        #expect(TableView.age(45) == "45s")
        #expect(TableView.age(192) == "3m12s")
        #expect(TableView.age(2400) == "40m")
        #expect(TableView.age(5 * 3600 + 180) == "5h3m")
        #expect(TableView.age(20 * 3600) == "20h")
        #expect(TableView.age(3 * 86400 + 4 * 3600) == "3d4h")
        #expect(TableView.age(90 * 86400) == "90d")
        #expect(TableView.age(800 * 86400) == "2y")
    }
}
