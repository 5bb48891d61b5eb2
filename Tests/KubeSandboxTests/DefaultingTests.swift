import KubeModel
import KubeSandbox
import Testing

/// Defaults a real 1.36 API server fills in on create and update (the expected values are the
/// recorded server's answers).
@Suite struct DefaultingTests {
    let namespace = "/api/v1/namespaces/default"

    @Test func deploymentAndPodTemplateDefaults() async throws {
        try await KubeSandbox.withRunning(SandboxOptions(schemas: Fixtures.schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            let body: JSONValue = ["apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web"], "spec": [
                "selector": ["matchLabels": ["app": "web"]],
                "template": ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [
                    ["name": "app", "image": "nginx:1.27", "ports": [["containerPort": 8080]]],
                    ["name": "latest", "image": "nginx", "readinessProbe": ["httpGet": ["port": 8080]]],
                ]]],
            ]]
            let created = try await client.post("/apis/apps/v1/namespaces/default/deployments", body)
            #expect(created.status == 201)
            let spec = try #require(created.json["spec"])
            #expect(spec["replicas"] == 1)
            #expect(spec["strategy"] == ["type": "RollingUpdate", "rollingUpdate": ["maxUnavailable": "25%", "maxSurge": "25%"]])
            #expect(spec["revisionHistoryLimit"] == 10)
            #expect(spec["progressDeadlineSeconds"] == 600)
            let pod = try #require(spec["template"]?["spec"])
            #expect(pod["restartPolicy"] == "Always")
            #expect(pod["terminationGracePeriodSeconds"] == 30)
            #expect(pod["dnsPolicy"] == "ClusterFirst")
            #expect(pod["securityContext"] == [:])
            #expect(pod["schedulerName"] == "default-scheduler")
            #expect(pod["enableServiceLinks"] == nil, "only Pods get enableServiceLinks")
            let containers = try #require(pod["containers"]?.arrayValue)
            #expect(containers[0]["ports"] == [["containerPort": 8080, "protocol": "TCP"]])
            #expect(containers[0]["imagePullPolicy"] == "IfNotPresent")
            #expect(containers[0]["terminationMessagePath"] == "/dev/termination-log")
            #expect(containers[0]["terminationMessagePolicy"] == "File")
            #expect(containers[0]["resources"] == [:])
            #expect(containers[1]["imagePullPolicy"] == "Always")
            #expect(containers[1]["readinessProbe"] == ["httpGet": ["port": 8080, "path": "/", "scheme": "HTTP"], "timeoutSeconds": 1,
                                                        "periodSeconds": 10, "successThreshold": 1, "failureThreshold": 3])
            let owned = created.json["metadata"]?["managedFields"]?.arrayValue?.first?["fieldsV1"]?["f:spec"]
            #expect(owned?["f:revisionHistoryLimit"] != nil, "the writer owns the defaulted fields")

            var update = body
            update["spec"]?["replicas"] = 4
            let updated = try await client.put("/apis/apps/v1/namespaces/default/deployments/web", update)
            #expect(updated.status == 200)
            #expect(updated.json["spec"]?["revisionHistoryLimit"] == 10, "an update is defaulted too")
            #expect(updated.json["metadata"]?["generation"] == 2)
        }
    }

    @Test func servicesGetAddressesPortsAndPolicies() async throws {
        try await KubeSandbox.withRunning(SandboxOptions(schemas: Fixtures.schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            let path = "\(namespace)/services"
            let web = try await client.post(path, ["apiVersion": "v1", "kind": "Service", "metadata": ["name": "web"],
                                                   "spec": ["selector": ["app": "web"], "ports": [["port": 80]]]])
            #expect(web.status == 201)
            let spec = try #require(web.json["spec"])
            let address = try #require(spec["clusterIP"]?.stringValue)
            #expect(address.hasPrefix("10.0.0."))
            #expect(spec["clusterIPs"] == [.string(address)])
            #expect(spec["ports"] == [["port": 80, "protocol": "TCP", "targetPort": 80]])
            #expect(spec["type"] == "ClusterIP")
            #expect(spec["sessionAffinity"] == "None")
            #expect(spec["ipFamilies"] == ["IPv4"])
            #expect(spec["ipFamilyPolicy"] == "SingleStack")
            #expect(spec["internalTrafficPolicy"] == "Cluster")
            #expect(web.json["status"] == ["loadBalancer": [:]])
            let owned = web.json["metadata"]?["managedFields"]?.arrayValue?.first?["fieldsV1"]?["f:spec"]
            #expect(owned?["f:clusterIP"] == nil, "an allocated address is not the writer's")

            let balancer = try await client.post(path, ["apiVersion": "v1", "kind": "Service", "metadata": ["name": "lb"],
                                                        "spec": ["type": "LoadBalancer", "ports": [["port": 80]]]]).json
            let nodePort = try #require(balancer["spec"]?["ports"]?.arrayValue?.first?["nodePort"]?.intValue)
            #expect((30000...32767).contains(nodePort))
            #expect(balancer["spec"]?["externalTrafficPolicy"] == "Cluster")
            #expect(balancer["spec"]?["allocateLoadBalancerNodePorts"] == true)

            let external = try await client.post(path, ["apiVersion": "v1", "kind": "Service", "metadata": ["name": "ext"],
                                                        "spec": ["type": "ExternalName", "externalName": "example.com"]]).json
            #expect(external["spec"] == ["type": "ExternalName", "externalName": "example.com", "sessionAffinity": "None"])

            let outside = try await client.post(path, ["apiVersion": "v1", "kind": "Service", "metadata": ["name": "outside"],
                                                       "spec": ["clusterIP": "192.168.99.1", "ports": [["port": 80]]]])
            #expect(outside.status == 422)
            #expect(outside.json["details"]?["causes"]?.arrayValue?.first?["field"] == "spec.clusterIPs")

            var omitted = web.json
            omitted["spec"]?["clusterIP"] = nil
            omitted["spec"]?["clusterIPs"] = nil
            let kept = try await client.put("\(path)/web", omitted)
            #expect(kept.status == 200)
            #expect(kept.json["spec"]?["clusterIP"] == .string(address), "an update that omits the address keeps it")
            var moved = kept.json
            let other: JSONValue = address == "10.0.0.77" ? "10.0.0.78" : "10.0.0.77"
            moved["spec"]?["clusterIP"] = other
            moved["spec"]?["clusterIPs"] = [other]
            let changed = try await client.put("\(path)/web", moved)
            #expect(changed.status == 422)
            #expect(changed.json["details"]?["causes"]?.arrayValue?.first?["field"] == "spec.clusterIPs[0]")
        }
    }

    @Test func podsGetAdmissionDefaultsAndStartPending() async throws {
        try await KubeSandbox.withRunning(SandboxOptions(schemas: Fixtures.schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            let pod = try await client.post("\(namespace)/pods", ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": "p1"],
                                                                  "spec": ["containers": [["name": "a", "image": "busybox"]]]])
            #expect(pod.status == 201)
            let spec = try #require(pod.json["spec"])
            #expect(spec["enableServiceLinks"] == true)
            #expect(spec["serviceAccountName"] == "default")
            #expect(spec["priority"] == 0)
            #expect(spec["preemptionPolicy"] == "PreemptLowerPriority")
            #expect(spec["tolerations"]?.arrayValue?.count == 2)
            let volume = try #require(spec["volumes"]?.arrayValue?.first)
            #expect(volume["name"]?.stringValue?.hasPrefix("kube-api-access-") == true)
            #expect(spec["containers"]?.arrayValue?.first?["volumeMounts"]?.arrayValue?.first?["mountPath"]
                    == "/var/run/secrets/kubernetes.io/serviceaccount")
            #expect(pod.json["status"] == ["phase": "Pending", "qosClass": "BestEffort"])
        }
    }

    @Test func otherKindsDefaults() async throws {
        try await KubeSandbox.withRunning(SandboxOptions(schemas: Fixtures.schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            let secret = try await client.post("\(namespace)/secrets", ["apiVersion": "v1", "kind": "Secret", "metadata": ["name": "s1"],
                                                                        "stringData": ["password": "hunter2"], "data": ["user": "YWRtaW4="]]).json
            #expect(secret["data"] == ["password": "aHVudGVyMg==", "user": "YWRtaW4="])
            #expect(secret["stringData"] == nil)
            #expect(secret["type"] == "Opaque")
            #expect(secret["metadata"]?["generation"] == nil, "Secrets have no generation")

            let policies = "/apis/networking.k8s.io/v1/namespaces/default/networkpolicies"
            let ingressOnly = try await client.post(policies, ["apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                                                               "metadata": ["name": "np1"], "spec": ["podSelector": [:]]]).json
            #expect(ingressOnly["spec"]?["policyTypes"] == ["Ingress"])
            let both = try await client.post(policies, ["apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": ["name": "np2"],
                                                        "spec": ["podSelector": [:], "egress": [["ports": [["port": 53]]]]]]).json
            #expect(both["spec"]?["policyTypes"] == ["Ingress", "Egress"])
            #expect(both["spec"]?["egress"]?.arrayValue?.first?["ports"] == [["port": 53, "protocol": "TCP"]])

            let autoscaler = try await client.post("/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers", [
                "apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": ["name": "h1"],
                "spec": ["scaleTargetRef": ["apiVersion": "apps/v1", "kind": "Deployment", "name": "web"], "maxReplicas": 5],
            ]).json
            #expect(autoscaler["spec"]?["minReplicas"] == 1)
            #expect(autoscaler["spec"]?["metrics"] == [["type": "Resource", "resource": ["name": "cpu", "target": ["type": "Utilization", "averageUtilization": 80]]]])

            let job = try await client.post("/apis/batch/v1/namespaces/default/jobs", [
                "apiVersion": "batch/v1", "kind": "Job", "metadata": ["name": "j1"],
                "spec": ["template": ["spec": ["restartPolicy": "Never", "containers": [["name": "a", "image": "x"]]]]],
            ]).json
            let uid = try #require(job["metadata"]?["uid"])
            #expect(job["spec"]?["selector"] == ["matchLabels": ["batch.kubernetes.io/controller-uid": uid]])
            #expect(job["spec"]?["template"]?["metadata"]?["labels"]?["job-name"] == "j1")
            #expect(job["metadata"]?["labels"]?["controller-uid"] == uid)
            #expect(job["spec"]?["backoffLimit"] == 6)
            #expect(job["spec"]?["completions"] == 1)
            #expect(job["spec"]?["parallelism"] == 1)
            #expect(job["spec"]?["completionMode"] == "NonIndexed")
            #expect(job["spec"]?["podReplacementPolicy"] == "TerminatingOrFailed")

            let namespace = try await client.post("/api/v1/namespaces", ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "shop"]]).json
            #expect(namespace["metadata"]?["labels"] == ["kubernetes.io/metadata.name": "shop"])
            #expect(namespace["spec"] == ["finalizers": ["kubernetes"]])
        }
    }

    @Test func eventsAreOneStoreWithTwoViews() async throws {
        try await KubeSandbox.withRunning(SandboxOptions(schemas: Fixtures.schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            let regarding: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "name": "cm1", "namespace": "default"]
            let created = try await client.post("/apis/events.k8s.io/v1/namespaces/default/events", [
                "apiVersion": "events.k8s.io/v1", "kind": "Event", "metadata": ["name": "e1"], "eventTime": "2026-01-01T00:00:00.000000Z",
                "reportingController": "example.com/test", "reportingInstance": "test-1", "action": "Testing", "reason": "Started",
                "type": "Normal", "note": "hello", "regarding": regarding,
            ])
            #expect(created.status == 201)
            #expect(created.json["note"] == "hello")
            #expect(created.json["regarding"] == regarding)
            let core = try await client.get("/api/v1/namespaces/default/events/e1")
            #expect(core.status == 200)
            #expect(core.json["apiVersion"] == "v1")
            #expect(core.json["message"] == "hello")
            #expect(core.json["involvedObject"] == regarding)
            #expect(core.json["reportingComponent"] == "example.com/test")
            #expect(core.json["note"] == nil)

            #expect(try await client.post("/api/v1/namespaces/default/events", [
                "apiVersion": "v1", "kind": "Event", "metadata": ["name": "ce1"], "involvedObject": ["kind": "ConfigMap", "name": "cm1", "namespace": "default"],
                "reason": "Tested", "message": "hi", "type": "Normal", "source": ["component": "test"],
            ]).json["reportingComponent"] == "")
            let listed = try await client.get("/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Dcm1").json
            #expect(try await client.get("/api/v1/namespaces/default/configmaps?fieldSelector=involvedObject.name%3Dcm1").status == 400,
                    "field labels are per resource")
            #expect(listed["items"]?.arrayValue?.compactMap { $0["metadata"]?["name"]?.stringValue } == ["ce1", "e1"])
            let viewed = try await client.get("/apis/events.k8s.io/v1/namespaces/default/events/ce1").json
            #expect(viewed["note"] == "hi")
            #expect(viewed["deprecatedSource"] == ["component": "test"])
        }
    }
}
