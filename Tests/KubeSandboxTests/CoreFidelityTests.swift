import Foundation
import KubeModel
import Testing
@testable import KubeSandbox

/// Core-kind details the real API server has and the recorded replay checks: Go's omitempty on
/// ConfigMap data, the PVC protection finalizer, the label selector parser's token errors, and
/// the Deployment controller writing its revision annotation through the status subresource.
@Suite struct CoreFidelityTests {
    @Test func anEmptyDataMapIsNotStored() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let created = try await SandboxClient(sandbox).post("/api/v1/namespaces/default/configmaps", [
                "apiVersion": "v1", "kind": "ConfigMap", "metadata": ["generateName": "gen-"], "data": [:],
            ])
            #expect(created.status == 201)
            #expect(created.json["data"] == nil)
            #expect(created.json["metadata"]?["managedFields"]?.arrayValue?.first?["fieldsV1"] == ["f:metadata": ["f:generateName": [:]]])
        }
    }

    @Test func aClaimCarriesTheProtectionFinalizerNoManagerOwns() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let created = try await SandboxClient(sandbox).post("/api/v1/namespaces/default/persistentvolumeclaims", [
                "apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": ["name": "data"],
                "spec": ["accessModes": ["ReadWriteOnce"], "resources": ["requests": ["storage": "1Gi"]]],
            ])
            #expect(created.status == 201)
            #expect(created.json["metadata"]?["finalizers"] == ["kubernetes.io/pvc-protection"])
            #expect(created.json["metadata"]?["managedFields"]?.arrayValue?.first?["fieldsV1"]?["f:metadata"] == nil)
        }
    }

    @Test func aSecondValueTokenInALabelSelectorIsABadRequest() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let listed = try await SandboxClient(sandbox).get("/api/v1/namespaces/default/configmaps?labelSelector=tier%3Da%20b")
            #expect(listed.status == 400)
            #expect(listed.json["reason"] == "BadRequest")
            #expect(listed.json["message"] == "found 'b', expected: ',' or 'end of string'")
        }
    }

    @Test func theRevisionAnnotationIsWrittenWithTheStatus() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let path = "/apis/apps/v1/namespaces/default/deployments"
            let created = try await client.post(path, [
                "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"],
                "spec": ["selector": ["matchLabels": ["app": "web"]],
                         "template": ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "app", "image": "nginx"]]]]],
            ])
            #expect(created.status == 201)
            var current = JSONValue.null
            let settled = try await eventually {
                current = try await client.get(path + "/web").json
                return current["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"] == "1"
            }
            #expect(settled)
            let entries = current["metadata"]?["managedFields"]?.arrayValue ?? []
            let controller = entries.filter { $0["manager"] == "kube-controller-manager" }
            #expect(controller.count == 1)
            #expect(controller.first?["subresource"] == "status")
            #expect(controller.first?["fieldsV1"]?["f:metadata"]?["f:annotations"]?["f:deployment.kubernetes.io/revision"] == [:])

            // Through status: annotations change, labels and spec do not.
            var body = current
            body["metadata"]?["annotations"]?["note"] = "via-status"
            body["metadata"]?["labels"] = ["ignored": "yes"]
            body["spec"]?["replicas"] = 5
            let written = try await client.put(path + "/web/status", body)
            #expect(written.status == 200, "\(written.text)")
            #expect(written.json["metadata"]?["annotations"]?["note"] == "via-status")
            #expect(written.json["metadata"]?["labels"] == nil)
            #expect(written.json["spec"]?["replicas"] == 1)
        }
    }
}
