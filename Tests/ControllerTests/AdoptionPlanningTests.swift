import KubeModel
import Render
import Testing
@testable import Controller

/// The pure parts of adoption: which managedFields move, and rendering with a kept selector.
@Suite struct AdoptionPlanningTests {
    let live: JSONValue = [
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": [
            "name": "web", "resourceVersion": "7",
            "managedFields": [
                ["manager": "kubectl", "operation": "Update", "apiVersion": "apps/v1", "fieldsType": "FieldsV1",
                 "fieldsV1": ["f:metadata": ["f:labels": ["f:team": [:]]], "f:spec": ["f:replicas": [:], "f:template": ["f:spec": [:]]]]],
                ["manager": "kube-controller-manager", "operation": "Update", "apiVersion": "apps/v1", "fieldsType": "FieldsV1",
                 "subresource": "status", "fieldsV1": ["f:status": ["f:replicas": [:]]]],
            ],
        ],
        "spec": [
            "selector": ["matchLabels": ["app": "web"], "matchExpressions": [["key": "tier", "operator": "In", "values": ["front"]]]],
            "template": ["metadata": ["labels": ["app": "web", "tier": "front", "extra": "x"]]],
        ],
    ]

    @Test func specFieldsMoveToTheApplierButMetadataStatusAndUnrenderedReplicasStay() throws {
        let desired: JSONValue = ["spec": ["template": [:]]]   // no replicas: an HPA owns them
        let patch = try #require(OwnershipTransfer.patch(for: live, kind: .deployment, desired: desired, manager: "shipshape", time: "t"))
        #expect(patch["metadata"]?["resourceVersion"] == "7")
        let entries = patch["metadata"]?["managedFields"]?.arrayValue ?? []
        let byManager = Dictionary(entries.map { ($0["manager"]?.stringValue ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byManager["kubectl"]?["fieldsV1"] == ["f:metadata": ["f:labels": ["f:team": [:]]], "f:spec": ["f:replicas": [:]]])
        #expect(byManager["kube-controller-manager"]?["subresource"] == "status")
        #expect(byManager["shipshape"]?["operation"] == "Apply")
        #expect(byManager["shipshape"]?["fieldsV1"] == ["f:spec": ["f:template": ["f:spec": [:]]]])

        let withReplicas: JSONValue = ["spec": ["replicas": 2]]
        let taken = try #require(OwnershipTransfer.patch(for: live, kind: .deployment, desired: withReplicas, manager: "shipshape", time: "t"))
        let shipshape = taken["metadata"]?["managedFields"]?.arrayValue?.first { $0["manager"] == "shipshape" }
        #expect(shipshape?["fieldsV1"]?["f:spec"]?["f:replicas"] != nil, "replicas the Microservice sets are taken over too")
    }

    @Test func renderingKeepsTheSelectorAndTheLabelsItSelects() {
        let deployment = RenderedObject(owner: "shop/web", value: [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"],
            "spec": ["selector": ["matchLabels": ["app.kubernetes.io/name": "web"]],
                     "template": ["metadata": ["labels": ["app.kubernetes.io/name": "web"]]]],
        ])
        let service = RenderedObject(owner: "shop/web", value: [
            "apiVersion": "v1", "kind": "Service", "metadata": ["name": "web"], "spec": ["selector": ["app.kubernetes.io/name": "web"]],
        ])
        let fitted = SelectorFitting.fitted([deployment, service], toDeployment: live)
        #expect(fitted[0].value["spec"]?["selector"] == live["spec"]?["selector"])
        #expect(fitted[0].value["spec"]?["template"]?["metadata"]?["labels"] == ["app.kubernetes.io/name": "web", "app": "web", "tier": "front"])
        #expect(fitted[1].value["spec"]?["selector"] == ["app": "web", "tier": "front"])
        #expect(SelectorFitting.fitted([deployment, service], toDeployment: nil) == [deployment, service])
    }
}
