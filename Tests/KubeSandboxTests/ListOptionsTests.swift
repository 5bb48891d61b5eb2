import KubeModel
import KubeSandbox
import Testing

/// List parameters as a real API server reads them: resourceVersion/resourceVersionMatch, limit,
/// field selectors per kind, and the shape of list items.
@Suite struct ListOptionsTests {
    let base = "/api/v1/namespaces/default/configmaps"
    /// No controllers: nothing but the test writes ConfigMaps (no published kube-root-ca.crt).
    static let quiet = SandboxOptions(controllers: false)

    func names(_ response: APIResponse) -> [String] {
        response.json["items"]?.arrayValue?.compactMap { $0["metadata"]?["name"]?.stringValue } ?? []
    }

    @Test func listItemsCarryNoApiVersionOrKind() async throws {
        try await KubeSandbox.withRunning(Self.quiet) { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post(base, Fixtures.configMap("a")).status == 201)
            let list = try await client.get(base)
            #expect(list.json["kind"] == "ConfigMapList")
            let item = try #require(list.json["items"]?.arrayValue?.first)
            #expect(item["apiVersion"] == nil)
            #expect(item["kind"] == nil)
            #expect(item["metadata"]?["name"] == "a")
        }
    }

    @Test func exactReadsASnapshotAndNotOlderThanReadsNow() async throws {
        try await KubeSandbox.withRunning(Self.quiet) { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post(base, Fixtures.configMap("a")).status == 201)
            let before = try #require(try await client.get(base).json["metadata"]?["resourceVersion"]?.stringValue)
            #expect(try await client.post(base, Fixtures.configMap("b")).status == 201)
            #expect(try await client.mergePatch("\(base)/a", ["data": ["key": "changed"]]).status == 200)

            let exact = try await client.get("\(base)?resourceVersion=\(before)&resourceVersionMatch=Exact")
            #expect(names(exact) == ["a"])
            #expect(exact.json["items"]?.arrayValue?.first?["data"]?["key"] == "value")
            #expect(exact.json["metadata"]?["resourceVersion"]?.stringValue == before)
            #expect(names(try await client.get("\(base)?resourceVersion=\(before)&resourceVersionMatch=NotOlderThan")) == ["a", "b"])

            let future = try await client.get("\(base)?resourceVersion=99999999&resourceVersionMatch=NotOlderThan")
            #expect(future.status == 504)
            #expect(future.json["reason"] == "Timeout")
            #expect(future.json["details"]?["causes"]?.arrayValue?.first?["reason"] == "ResourceVersionTooLarge")

            await sandbox.compactHistory()
            let old = try await client.get("\(base)?resourceVersion=\(before)&resourceVersionMatch=Exact")
            #expect(old.status == 410)
            #expect(old.json["message"] == "The resourceVersion for the provided list is too old.")
        }
    }

    @Test func inconsistentListOptionsAreInvalid() async throws {
        try await KubeSandbox.withRunning(Self.quiet) { sandbox in
            let client = SandboxClient(sandbox)
            let withoutRV = try await client.get("\(base)?resourceVersionMatch=Exact")
            #expect(withoutRV.status == 422)
            #expect(withoutRV.json["details"]?["kind"] == "ListOptions")
            #expect(withoutRV.json["details"]?["group"] == "meta.k8s.io")
            #expect(withoutRV.json["details"]?["causes"]?.arrayValue?.first?["reason"] == "FieldValueForbidden")
            #expect(withoutRV.json["details"]?["causes"]?.arrayValue?.first?["field"] == "resourceVersionMatch")

            let unsupported = try await client.get("\(base)?resourceVersion=0&resourceVersionMatch=Sometimes")
            #expect(unsupported.json["details"]?["causes"]?.arrayValue?.first?["reason"] == "FieldValueNotSupported")
            #expect(try await client.get("\(base)?resourceVersion=abc").status == 400)

            let watchList = try await client.get("\(base)?watch=true&sendInitialEvents=true")
            #expect(watchList.status == 422)
            #expect(watchList.json["message"] == "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan")
        }
    }

    @Test func limitsAndRemainingItemCount() async throws {
        try await KubeSandbox.withRunning(Self.quiet) { sandbox in
            let client = SandboxClient(sandbox)
            for name in ["a", "b", "c"] {
                #expect(try await client.post(base, Fixtures.configMap(name, labels: ["app": "x"])).status == 201)
            }
            #expect(names(try await client.get("\(base)?limit=-1")) == ["a", "b", "c"])
            let bad = try await client.get("\(base)?limit=abc")
            #expect(bad.status == 400)
            #expect(bad.json["message"] == "strconv.ParseInt: parsing \"abc\": invalid syntax")
            // With a selector the API server cannot count what is left, so it does not say.
            let selected = try await client.get("\(base)?limit=1&labelSelector=app")
            #expect(selected.json["metadata"]?["continue"] != nil)
            #expect(selected.json["metadata"]?["remainingItemCount"] == nil)
            #expect(try await client.get("\(base)?limit=1").json["metadata"]?["remainingItemCount"] == 2)
        }
    }

    @Test func fieldSelectorsPerKind() async throws {
        try await KubeSandbox.withRunning(Self.quiet) { sandbox in
            let client = SandboxClient(sandbox)
            let secret: JSONValue = ["apiVersion": "v1", "kind": "Secret", "metadata": ["name": "basic"],
                                     "type": "kubernetes.io/basic-auth", "data": ["username": "dQ=="]]
            #expect(try await client.post("/api/v1/namespaces/default/secrets", secret).status == 201)
            let secrets = try await client.get("/api/v1/namespaces/default/secrets?fieldSelector=type%3Dkubernetes.io/basic-auth")
            #expect(names(secrets) == ["basic"])
            #expect(try await client.get("/api/v1/pods?fieldSelector=status.phase%3DRunning,spec.nodeName%3D").status == 200)
            #expect(try await client.get("/api/v1/events?fieldSelector=involvedObject.kind%3DPod,reason%3DKilled").status == 200)

            let unknown = try await client.get("\(base)?fieldSelector=data.k%3Dv")
            #expect(unknown.status == 400)
            #expect(unknown.json["message"] == "\"data.k\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"")
        }
    }
}
