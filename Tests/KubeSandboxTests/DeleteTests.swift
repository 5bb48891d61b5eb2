import KubeModel
import KubeSandbox
import Testing

@Suite struct DeleteTests {
    let base = "/api/v1/namespaces/default/configmaps"

    @Test func finalizersHoldDeletionUntilRemoved() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            var held = Fixtures.configMap("held")
            held["metadata"]?["finalizers"] = ["shipshape.dev/cleanup"]
            #expect(try await client.post(base, held).status == 201)
            let marked = try await client.delete("\(base)/held")
            #expect(marked.status == 200)
            #expect(marked.json["metadata"]?["deletionTimestamp"] != nil)
            #expect(try await client.get("\(base)/held").status == 200, "still there while a finalizer remains")
            #expect(try await client.mergePatch("\(base)/held", ["metadata": ["finalizers": nil]]).status == 200)
            #expect(try await client.get("\(base)/held").status == 404)
        }
    }

    @Test func deletingAnOwnerCollectsItsDependentsUnlessOrphaned() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let owner = try await client.post(base, Fixtures.configMap("owner")).json
            let uid = try #require(owner["metadata"]?["uid"]?.stringValue)
            for name in ["child-1", "child-2"] {
                var child = Fixtures.configMap(name)
                child["metadata"]?["ownerReferences"] = [["apiVersion": "v1", "kind": "ConfigMap", "name": "owner", "uid": .string(uid)]]
                #expect(try await client.post(base, child).status == 201)
            }
            let wrongUID = try await client.delete("\(base)/owner", ["kind": "DeleteOptions", "apiVersion": "v1", "preconditions": ["uid": "nope"]])
            #expect(wrongUID.status == 409)
            // The garbage collector is no part of the DELETE: held back, it leaves the dependents.
            await sandbox.holdControllers()
            #expect(try await client.delete("\(base)/owner").status == 200)
            #expect(try await client.get("\(base)/child-1").status == 200)
            await sandbox.releaseControllers()
            #expect(try await client.get("\(base)/child-1").status == 404)
            #expect(try await client.get("\(base)/child-2").status == 404)

            let second = try await client.post(base, Fixtures.configMap("owner2")).json
            var orphan = Fixtures.configMap("orphan")
            orphan["metadata"]?["ownerReferences"] = [["apiVersion": "v1", "kind": "ConfigMap", "name": "owner2", "uid": second["metadata"]?["uid"] ?? .null]]
            #expect(try await client.post(base, orphan).status == 201)
            #expect(try await client.delete("\(base)/owner2?propagationPolicy=Orphan").status == 200)
            #expect(try await eventually { try await client.get("\(base)/owner2").status == 404 }, "the garbage collector finishes the orphaning")
            let kept = try await client.get("\(base)/orphan")
            #expect(kept.status == 200)
            #expect(kept.json["metadata"]?["ownerReferences"] == nil)
        }
    }

    @Test func aForegroundDeletionKeepsTheOwnerUntilItsBlockingDependentsAreGone() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let owner = try await client.post(base, Fixtures.configMap("owner")).json
            var child = Fixtures.configMap("child")
            child["metadata"]?["ownerReferences"] = [["apiVersion": "v1", "kind": "ConfigMap", "name": "owner",
                                                      "uid": owner["metadata"]?["uid"] ?? .null, "blockOwnerDeletion": true]]
            #expect(try await client.post(base, child).status == 201)
            var partlyOwned = Fixtures.configMap("partly-owned")
            partlyOwned["metadata"]?["ownerReferences"] = [
                ["apiVersion": "v1", "kind": "ConfigMap", "name": "owner", "uid": owner["metadata"]?["uid"] ?? .null],
                ["apiVersion": "v1", "kind": "ConfigMap", "name": "child", "uid": "11111111-2222-3333-4444-555555555555"],
            ]
            #expect(try await client.post(base, partlyOwned).status == 201)

            await sandbox.holdControllers()
            let marked = try await client.delete("\(base)/owner?propagationPolicy=Foreground")
            #expect(marked.status == 200)
            #expect(marked.json["metadata"]?["finalizers"] == ["foregroundDeletion"])
            let waiting = try await client.get("\(base)/owner")
            #expect(waiting.json["metadata"]?["deletionTimestamp"] != nil)
            #expect(try await client.get("\(base)/child").status == 200)
            await sandbox.releaseControllers()
            #expect(try await client.get("\(base)/owner").status == 404)
            #expect(try await client.get("\(base)/child").status == 404)
            #expect(try await client.get("\(base)/partly-owned").status == 404, "none of its owners exists any more")
        }
    }

    @Test func deleteOptionsAreValidated() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post(base, Fixtures.configMap("bad")).status == 201)
            let sideways = try await client.delete("\(base)/bad?propagationPolicy=Sideways")
            #expect(sideways.status == 422)
            #expect(sideways.json["details"]?["kind"] == "DeleteOptions")
            #expect(sideways.json["details"]?["causes"]?.arrayValue?.first?["reason"] == "FieldValueNotSupported")
            let both = try await client.delete("\(base)/bad", ["kind": "DeleteOptions", "apiVersion": "v1", "orphanDependents": true,
                                                                "propagationPolicy": "Background"])
            #expect(both.status == 422)
            #expect(both.json["details"]?["causes"]?.arrayValue?.first?["field"] == "propagationPolicy")
            let stale = try await client.delete("\(base)/bad", ["kind": "DeleteOptions", "apiVersion": "v1", "preconditions": ["resourceVersion": "1"]])
            #expect(stale.status == 409)
            #expect(stale.json["details"]?["kind"] == "ConfigMap")
            #expect(try await client.get("\(base)/bad").status == 200)
        }
    }
}
