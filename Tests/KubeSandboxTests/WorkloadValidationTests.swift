import KubeModel
import KubeSandbox
import Testing

/// Pod specs in Pods, Deployments and Jobs, as the real server checks them (replay cases 140-153,
/// 191-193, 196-197).
@Suite struct WorkloadValidationTests {
    static let deployments = "/apis/apps/v1/namespaces/default/deployments"
    static let pods = Valid.namespace + "/pods"
    static let containers = "spec.template.spec.containers"

    static let refusals: [Refusal] = [
        Refusal(name: "selector must match the template's labels", path: deployments,
                body: Valid.deployment("mis") { $0["spec"]?["selector"] = ["matchLabels": ["app": "other"]] },
                causes: ["FieldValueInvalid spec.template.metadata.labels"]),
        Refusal(name: "selector is required", path: deployments, body: Valid.deployment("nosel") { $0["spec"]?["selector"] = nil },
                causes: ["FieldValueRequired spec.selector", "FieldValueInvalid spec.template.metadata.labels"]),
        Refusal(name: "image is required", path: deployments,
                body: Valid.deployment("noimg") { $0["spec"]?["template"]?["spec"]?["containers"] = [["name": "app"]] },
                causes: ["FieldValueRequired \(containers)[0].image"]),
        Refusal(name: "containers are required", path: deployments,
                body: Valid.deployment("nocont") { $0["spec"]?["template"]?["spec"]?["containers"] = [] },
                causes: ["FieldValueRequired \(containers)"]),
        Refusal(name: "replicas are not negative", path: deployments, body: Valid.deployment("neg") { $0["spec"]?["replicas"] = -1 },
                causes: ["FieldValueInvalid spec.replicas"]),
        Refusal(name: "container names are DNS-1123 labels", path: deployments,
                body: Valid.deployment("badc") { $0["spec"]?["template"]?["spec"]?["containers"] = [["name": "App_1", "image": "x"]] },
                causes: ["FieldValueInvalid \(containers)[0].name"]),
        Refusal(name: "container names are unique", path: deployments,
                body: Valid.deployment("dupc") {
                    $0["spec"]?["template"]?["spec"]?["containers"] = [["name": "a", "image": "x"], ["name": "a", "image": "y"]]
                },
                causes: ["FieldValueDuplicate \(containers)[1].name"]),
        Refusal(name: "Recreate takes no rollingUpdate", path: deployments,
                body: Valid.deployment("rec") { $0["spec"]?["strategy"] = ["type": "Recreate", "rollingUpdate": ["maxSurge": 1]] },
                causes: ["FieldValueForbidden spec.strategy.rollingUpdate"]),
        Refusal(name: "requests within limits", path: deployments,
                body: Valid.deployment("res") {
                    $0["spec"]?["template"]?["spec"]?["containers"] = [["name": "a", "image": "x", "resources": ["requests": ["cpu": "2"], "limits": ["cpu": "1"]]]]
                },
                causes: ["FieldValueInvalid \(containers)[0].resources.requests"]),
        Refusal(name: "a malformed quantity does not decode", path: deployments,
                body: Valid.deployment("badq") {
                    $0["spec"]?["template"]?["spec"]?["containers"] = [["name": "a", "image": "x", "resources": ["requests": ["cpu": "lots"]]]]
                },
                code: 400),
        Refusal(name: "environment variable names", path: deployments,
                body: Valid.deployment("badenv") {
                    $0["spec"]?["template"]?["spec"]?["containers"] = [["name": "a", "image": "x", "env": [["name": "1=BAD", "value": "v"]]]]
                },
                causes: ["FieldValueInvalid \(containers)[0].env[0].name"]),
        Refusal(name: "deployment pods restart Always", path: deployments,
                body: Valid.deployment("badrp") { $0["spec"]?["template"]?["spec"]?["restartPolicy"] = "Never" },
                causes: ["FieldValueNotSupported spec.template.spec.restartPolicy"]),
        Refusal(name: "pod restart policies", path: pods, body: Valid.pod("p2") { $0["spec"]?["restartPolicy"] = "Sometimes" },
                causes: ["FieldValueNotSupported spec.restartPolicy"]),
        Refusal(name: "job pods do not restart Always", path: "/apis/batch/v1/namespaces/default/jobs",
                body: ["apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": "j2"],
                       "spec": ["template": ["spec": ["restartPolicy": "Always", "containers": [["name": "a", "image": "x"]]]]]],
                causes: ["FieldValueRequired spec.template.spec.restartPolicy"]),
        Refusal(name: "cron schedules have five fields", path: "/apis/batch/v1/namespaces/default/cronjobs",
                body: ["apiVersion": "batch/v1", "kind": "CronJob", "metadata": ["name": "cj"],
                       "spec": ["schedule": "every minute",
                                "jobTemplate": ["spec": ["template": ["spec": ["restartPolicy": "Never", "containers": [["name": "a", "image": "x"]]]]]]]],
                causes: ["FieldValueInvalid spec.schedule"]),
    ]

    @Test(arguments: refusals) func refused(_ refusal: Refusal) async throws {
        try await KubeSandbox.withRunning { sandbox in
            try await SandboxClient(sandbox).expectRefused(refusal)
        }
    }

    @Test func deploymentSelectorsAreImmutable() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post(Self.deployments, Valid.deployment("web")).status == 201)
            let relabelled = Valid.deployment("web") {
                $0["spec"]?["selector"] = ["matchLabels": ["app": "web", "v": "2"]]
                $0["spec"]?["template"]?["metadata"]?["labels"] = ["app": "web", "v": "2"]
            }
            let response = try await client.put(Self.deployments + "/web", relabelled)
            #expect(response.status == 422)
            #expect(Refusal.causes(response) == ["FieldValueInvalid spec.selector"])
            let scaled = Valid.deployment("web") { $0["spec"]?["replicas"] = 3 }
            #expect(try await client.put(Self.deployments + "/web", scaled).status == 200)
        }
    }

    @Test func jobTemplatesAreImmutable() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let jobs = "/apis/batch/v1/namespaces/default/jobs"
            var job: JSONValue = ["apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": "once"],
                                  "spec": ["template": ["spec": ["restartPolicy": "Never", "containers": [["name": "a", "image": "x"]]]]]]
            let created = try await client.post(jobs, job)
            #expect(created.status == 201)
            job["spec"]?["template"]?["spec"]?["containers"] = [["name": "a", "image": "y"]]
            let changed = try await client.put(jobs + "/once", job)
            #expect(changed.status == 422)
            #expect(Refusal.causes(changed) == ["FieldValueInvalid spec.template"])
        }
    }

    @Test func podsChangeOnlyImagesAndAFewFields() async throws {
        // The official schemas give containers their merge key: without them a patch replaces the list.
        let schemas = try #require(Fixtures.schemas)
        try await KubeSandbox.withRunning(SandboxOptions(schemas: schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post(Self.pods, Valid.pod("p1")).status == 201)
            let patch: JSONValue = ["spec": ["containers": [["name": "a", "image": "busybox:2"]]]]
            let newImage = try await client.send(.PATCH, Self.pods + "/p1", body: patch, contentType: "application/strategic-merge-patch+json")
            #expect(newImage.status == 200, "\(newImage.text)")
            #expect(newImage.json["spec"]?["containers"]?.arrayValue?.first?["image"] == "busybox:2")
            let forbidden = try await client.mergePatch(Self.pods + "/p1", ["spec": ["restartPolicy": "Never"]])
            #expect(forbidden.status == 422)
            #expect(Refusal.causes(forbidden) == ["FieldValueForbidden spec"])
        }
    }

    @Test func validWorkloadsAreAccepted() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let rich = Valid.deployment("rich") {
                $0["spec"]?["strategy"] = ["type": "RollingUpdate", "rollingUpdate": ["maxSurge": "25%", "maxUnavailable": 0]]
                $0["spec"]?["selector"] = ["matchLabels": ["app": "rich"], "matchExpressions": [["key": "tier", "operator": "In", "values": ["web"]]]]
                $0["spec"]?["template"]?["metadata"]?["labels"] = ["app": "rich", "tier": "web"]
                $0["spec"]?["template"]?["spec"]?["containers"] = [[
                    "name": "app", "image": "x:1", "ports": [["name": "http", "containerPort": 8080]],
                    "env": [["name": "my.setting-1", "value": "v"]],
                    "resources": ["requests": ["cpu": "100m", "memory": "64Mi"], "limits": ["cpu": "1", "memory": "1Gi"]],
                ]]
            }
            let created = try await client.post(Self.deployments, rich)
            #expect(created.status == 201, "\(created.text)")
            let cron: JSONValue = ["apiVersion": "batch/v1", "kind": "CronJob", "metadata": ["name": "nightly"],
                                   "spec": ["schedule": "*/5 0-6 * jan-mar mon,fri",
                                            "jobTemplate": ["spec": ["template": ["spec": ["restartPolicy": "OnFailure", "containers": [["name": "a", "image": "x"]]]]]]]]
            #expect(try await client.post("/apis/batch/v1/namespaces/default/cronjobs", cron).status == 201)
        }
    }
}
