import KubeModel
import Testing
@testable import Controller

@Suite struct ChildComparisonTests {
    let desired: JSONValue = [
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": ["name": "web", "namespace": "shop", "labels": ["app.kubernetes.io/name": "web"]],
        "spec": [
            "template": ["spec": ["containers": [["name": "web", "image": "web:1", "resources": ["requests": ["cpu": "1000m"]]]]]],
        ],
    ]

    /// What the API server returns after applying: defaults and status added, quantities canonical.
    var observed: JSONValue {
        var value = ChildComparison.stamped(desired)
        value["status"] = ["replicas": 2]
        var metadata = value["metadata"]?.objectValue ?? [:]
        metadata["uid"] = "u1"
        value["metadata"] = .object(metadata)
        value["spec"] = [
            "progressDeadlineSeconds": 600,
            "template": ["spec": [
                "containers": [["name": "web", "image": "web:1", "imagePullPolicy": "IfNotPresent", "resources": ["requests": ["cpu": "1"]]]],
                "restartPolicy": "Always",
            ]],
        ]
        return value
    }

    @Test func anAppliedChildWithServerDefaultsIsUpToDate() {
        #expect(ChildComparison.isUpToDate(desired: desired, observed: observed))
    }

    @Test func aHandEditIsDetected() {
        var edited = observed
        edited["spec"] = ["template": ["spec": ["containers": [["name": "web", "image": "web:evil"]]]]]
        #expect(!ChildComparison.isUpToDate(desired: desired, observed: edited))
    }

    @Test func aRemovedFieldIsDetectedThroughTheHash() {
        var smaller = desired
        smaller["metadata"] = ["name": "web", "namespace": "shop"]  // a label no longer wanted
        #expect(!ChildComparison.isUpToDate(desired: smaller, observed: observed))
    }

    @Test func aChildNeverAppliedByShipshapeIsNotUpToDate() {
        #expect(!ChildComparison.isUpToDate(desired: desired, observed: desired))
    }

    @Test func theHashIgnoresKeyOrder() {
        let a: JSONValue = ["x": 1, "y": ["p": true, "q": nil]]
        let b: JSONValue = ["y": ["q": nil, "p": true], "x": 1]
        #expect(ChildComparison.hash(of: a) == ChildComparison.hash(of: b))
        #expect(ChildComparison.hash(of: a) != ChildComparison.hash(of: ["x": 2, "y": ["p": true, "q": nil]]))
    }
}
