import Foundation
import KubeModel
import KubeSandbox
import Testing

/// Polls `condition` (each try is a request to the sandbox) until it holds or `seconds` pass.
func eventually(within seconds: Double = 10, _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        await Task.yield()
    }
    return try await condition()
}

/// What the controllers and the API server's deletion machinery do on their own.
@Suite struct LifecycleTests {
    @Test func aFreshServerHasItsSystemObjectsAndEveryNamespaceItsDefaults() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let kubernetes = try await client.get("/api/v1/namespaces/default/services/kubernetes")
            #expect(kubernetes.status == 200)
            #expect(kubernetes.json["spec"]?["clusterIP"] == "10.0.0.1")
            #expect(try await client.get("/api/v1/namespaces/kube-system").json["metadata"]?["labels"]
                    == ["kubernetes.io/metadata.name": "kube-system"])
            let forbidden = try await client.delete("/api/v1/namespaces/default?dryRun=All")
            #expect(forbidden.status == 403)
            #expect(forbidden.json["reason"] == "Forbidden")

            #expect(try await client.post("/api/v1/namespaces", ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "shop"]]).status == 201)
            #expect(try await eventually {
                let account = try await client.get("/api/v1/namespaces/shop/serviceaccounts/default").status
                let configMap = try await client.get("/api/v1/namespaces/shop/configmaps/kube-root-ca.crt").status
                return account == 200 && configMap == 200
            })
        }
    }

    @Test func deploymentsMakeReplicaSetsThatMakePendingPods() async throws {
        try await KubeSandbox.withRunning(SandboxOptions(schemas: Fixtures.schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            let apps = "/apis/apps/v1/namespaces/default"
            #expect(try await client.post("\(apps)/deployments", Fixtures.deployment("web", replicas: 2)).status == 201)
            var replicaSets: [JSONValue] = []
            var pods: [JSONValue] = []
            #expect(try await eventually {
                replicaSets = try await client.get("\(apps)/replicasets").json["items"]?.arrayValue ?? []
                pods = try await client.get("/api/v1/namespaces/default/pods").json["items"]?.arrayValue ?? []
                return replicaSets.count == 1 && pods.count == 2
            })
            let replicaSet = try #require(replicaSets.first)
            let hash = try #require(replicaSet["metadata"]?["labels"]?["pod-template-hash"]?.stringValue)
            #expect(replicaSet["metadata"]?["name"] == .string("web-\(hash)"))
            #expect(replicaSet["spec"]?["selector"]?["matchLabels"] == ["app": "web", "pod-template-hash": .string(hash)])
            #expect(replicaSet["metadata"]?["ownerReferences"]?.arrayValue?.first?["kind"] == "Deployment")
            for pod in pods {
                #expect(pod["status"]?["phase"] == "Pending")
                #expect(pod["spec"]?["nodeName"] == nil)
                #expect(pod["metadata"]?["generateName"] == .string("web-\(hash)-"))
                #expect(pod["metadata"]?["ownerReferences"]?.arrayValue?.first?["name"] == replicaSet["metadata"]?["name"])
            }
            let unscheduled = try await client.get("/api/v1/pods?fieldSelector=spec.nodeName%3D,status.phase%3DPending").json
            #expect(unscheduled["items"]?.arrayValue?.count == 2)
            var deployment = JSONValue.null
            #expect(try await eventually {
                deployment = try await client.get("\(apps)/deployments/web").json
                return deployment["status"]?["replicas"] == 2
            })
            #expect(deployment["metadata"]?["annotations"]?["deployment.kubernetes.io/revision"] == "1")
            // The controller writes the revision annotation with the status, through the status subresource.
            let controllerEntries = (deployment["metadata"]?["managedFields"]?.arrayValue ?? [])
                .filter { $0["manager"] == "kube-controller-manager" }.map { $0["subresource"]?.stringValue ?? "" }
            #expect(controllerEntries == ["status"])
            #expect(deployment["status"]?["updatedReplicas"] == 2)
            #expect(deployment["status"]?["unavailableReplicas"] == 2)
            #expect(deployment["status"]?["observedGeneration"] == 1)
            let conditions = deployment["status"]?["conditions"]?.arrayValue ?? []
            #expect(conditions.map { $0["type"] } == ["Available", "Progressing"])
            #expect(conditions.first?["reason"] == "MinimumReplicasUnavailable")
            let settled = await sandbox.resourceVersion()
            for _ in 0..<20 { _ = try await client.get("\(apps)/deployments/web") }
            #expect(await sandbox.resourceVersion() == settled, "converged controllers write nothing more")

            #expect(try await client.delete("\(apps)/deployments/web").status == 200)
            #expect(try await eventually {
                let sets = try await client.get("\(apps)/replicasets").json["items"]?.arrayValue ?? []
                let pods = try await client.get("/api/v1/namespaces/default/pods").json["items"]?.arrayValue ?? []
                return sets.isEmpty && pods.isEmpty
            })
        }
    }

    @Test func garbageCollectionInTheForegroundWithOrphansAndOfDanglingDependents() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let base = "/api/v1/namespaces/default/configmaps"
            func dependent(_ name: String, of owner: JSONValue) -> JSONValue {
                var child = Fixtures.configMap(name)
                child["metadata"]?["ownerReferences"] = [["apiVersion": "v1", "kind": "ConfigMap", "name": owner["metadata"]?["name"] ?? "",
                                                          "uid": owner["metadata"]?["uid"] ?? "", "blockOwnerDeletion": true]]
                return child
            }
            let owner = try await client.post(base, Fixtures.configMap("fg-owner")).json
            #expect(try await client.post(base, dependent("fg-child", of: owner)).status == 201)
            let marked = try await client.delete("\(base)/fg-owner?propagationPolicy=Foreground")
            #expect(marked.status == 200)
            #expect(marked.json["metadata"]?["finalizers"] == ["foregroundDeletion"])
            #expect(marked.json["metadata"]?["deletionTimestamp"] != nil)
            #expect(try await eventually {
                let child = try await client.get("\(base)/fg-child").status
                let owner = try await client.get("\(base)/fg-owner").status
                return child == 404 && owner == 404
            })

            let parent = try await client.post(base, Fixtures.configMap("or-owner")).json
            #expect(try await client.post(base, dependent("or-child", of: parent)).status == 201)
            let orphaning = try await client.delete("\(base)/or-owner", ["kind": "DeleteOptions", "apiVersion": "v1", "propagationPolicy": "Orphan"])
            #expect(orphaning.json["metadata"]?["finalizers"] == ["orphan"])
            #expect(try await eventually { try await client.get("\(base)/or-owner").status == 404 })
            let orphan = try await client.get("\(base)/or-child")
            #expect(orphan.status == 200)
            #expect(orphan.json["metadata"]?["ownerReferences"] == nil)

            var dangling = Fixtures.configMap("dangling")
            dangling["metadata"]?["ownerReferences"] = [["apiVersion": "v1", "kind": "ConfigMap", "name": "ghost",
                                                         "uid": "11111111-2222-3333-4444-555555555555"]]
            #expect(try await client.post(base, dangling).status == 201)
            #expect(try await eventually { try await client.get("\(base)/dangling").status == 404 })
        }
    }

    @Test func aDeletedNamespaceTerminatesUntilItsContentIsGone() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post("/api/v1/namespaces", ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "doomed"]]).status == 201)
            let base = "/api/v1/namespaces/doomed/configmaps"
            var held = Fixtures.configMap("held")
            held["metadata"]?["finalizers"] = ["example.com/hold"]
            #expect(try await client.post(base, held).status == 201)
            #expect(try await client.post(base, Fixtures.configMap("plain")).status == 201)

            let deleted = try await client.delete("/api/v1/namespaces/doomed")
            #expect(deleted.status == 200)
            #expect(deleted.json["kind"] == "Namespace")
            #expect(deleted.json["status"]?["phase"] == "Terminating")
            #expect(deleted.json["spec"]?["finalizers"] == ["kubernetes"])
            let late = try await client.post(base, Fixtures.configMap("late"))
            #expect(late.status == 403)
            #expect(late.json["details"]?["causes"]?.arrayValue?.first?["reason"] == "NamespaceTerminating")

            // The namespace controller waits its grace period (5 s) before it touches the content.
            await sandbox.settleControllers()
            #expect(try await client.get("/api/v1/namespaces/doomed").json["status"]?["conditions"] == nil)
            #expect(try await client.get("\(base)/plain").status == 200)
            #expect(try await client.get("\(base)/held").json["metadata"]?["deletionTimestamp"] == nil)

            await sandbox.advanceClock(by: .seconds(5))
            let namespace = try await client.get("/api/v1/namespaces/doomed").json
            #expect(try await client.get("\(base)/plain").status == 404)
            #expect(namespace["status"]?["conditions"]?.arrayValue?.contains { $0["type"] == "NamespaceFinalizersRemaining" } == true)
            #expect(namespace["status"]?["phase"] == "Terminating")
            #expect(try await client.get("\(base)/held").json["metadata"]?["deletionTimestamp"] != nil)

            #expect(try await client.mergePatch("\(base)/held", ["metadata": ["finalizers": nil]]).status == 200)
            await sandbox.settleControllers()
            #expect(try await client.get("/api/v1/namespaces/doomed").status == 200, "the next look is a grace period later")
            await sandbox.advanceClock(by: .seconds(5))
            #expect(try await client.get("/api/v1/namespaces/doomed").status == 404)
        }
    }

    @Test func aTerminatingNamespaceGoesOnItsOwnOnceTheGracePeriodPasses() async throws {
        var options = SandboxOptions()
        options.namespaceDeletionGracePeriod = .milliseconds(200)
        try await KubeSandbox.withRunning(options) { sandbox in
            let client = SandboxClient(sandbox)
            let created = try await client.post("/api/v1/namespaces", ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "brief"]])
            #expect(created.status == 201)
            #expect(try await client.post("/api/v1/namespaces/brief/configmaps", Fixtures.configMap("content")).status == 201)
            #expect(try await client.delete("/api/v1/namespaces/brief").status == 200)
            // No write follows the deletion: the controllers wake on their own when the period is over.
            #expect(try await eventually { try await client.get("/api/v1/namespaces/brief").status == 404 })
        }
    }

    @Test func theScaleSubresourceAndDisruptionBudgetsFollowTheReplicas() async throws {
        try await KubeSandbox.withRunning(SandboxOptions(schemas: Fixtures.schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            let apps = "/apis/apps/v1/namespaces/default"
            #expect(try await client.post("\(apps)/deployments", Fixtures.deployment("web")).status == 201)
            let scale = try await client.get("\(apps)/deployments/web/scale")
            #expect(scale.status == 200)
            #expect(scale.json["kind"] == "Scale")
            #expect(scale.json["apiVersion"] == "autoscaling/v1")
            #expect(scale.json["spec"] == ["replicas": 1])
            #expect(scale.json["status"]?["selector"] == "app=web")
            let scaled = try await client.mergePatch("\(apps)/deployments/web/scale", ["spec": ["replicas": 2]])
            #expect(scaled.status == 200)
            #expect(scaled.json["spec"] == ["replicas": 2])
            #expect(try await client.get("\(apps)/deployments/web").json["spec"]?["replicas"] == 2)

            #expect(try await client.post("/apis/policy/v1/namespaces/default/poddisruptionbudgets", [
                "apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": ["name": "web"],
                "spec": ["minAvailable": 1, "selector": ["matchLabels": ["app": "web"]]],
            ]).status == 201)
            var status = JSONValue.null
            #expect(try await eventually {
                status = try await client.get("/apis/policy/v1/namespaces/default/poddisruptionbudgets/web").json["status"] ?? .null
                return status["expectedPods"] == 2
            })
            #expect(status["desiredHealthy"] == 1)
            #expect(status["currentHealthy"] == 0)
            #expect(status["disruptionsAllowed"] == 0)
            #expect(status["conditions"]?.arrayValue?.first?["reason"] == "InsufficientPods")
        }
    }

    @Test func podsAndServicesAreAnsweredWithTheDeletedObject() async throws {
        try await KubeSandbox.withRunning(SandboxOptions(schemas: Fixtures.schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            let core = "/api/v1/namespaces/default"
            #expect(try await client.post("\(core)/pods", ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p1"],
                                                            "spec": ["containers": [["name": "a", "image": "busybox"]]]]).status == 201)
            let pod = try await client.delete("\(core)/pods/p1?gracePeriodSeconds=0")
            #expect(pod.status == 200)
            #expect(pod.json["kind"] == "Pod")
            #expect(pod.json["metadata"]?["deletionTimestamp"] != nil)
            #expect(try await client.get("\(core)/pods/p1").status == 404, "an unscheduled Pod goes at once")
            #expect(try await client.post("\(core)/services", ["apiVersion": "v1", "kind": "Service", "metadata": ["name": "s1"],
                                                                "spec": ["ports": [["port": 80]]]]).status == 201)
            let service = try await client.delete("\(core)/services/s1")
            #expect(service.json["kind"] == "Service")
            let configMap = try await client.post("\(core)/configmaps", Fixtures.configMap("c1"))
            #expect(configMap.status == 201)
            #expect(try await client.delete("\(core)/configmaps/c1").json["kind"] == "Status")
        }
    }
}
