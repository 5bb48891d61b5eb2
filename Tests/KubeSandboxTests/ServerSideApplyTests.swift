import KubeModel
import KubeSandbox
import Testing

/// Server-side apply's managedFields, conflicts and errors, as a real API server records and answers them.
@Suite struct ServerSideApplyTests {
    let deployments = "/apis/apps/v1/namespaces/default/deployments"

    static let appContainer = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: sd
        spec:
          selector:
            matchLabels: {app: sd}
          template:
            metadata:
              labels: {app: sd}
            spec:
              containers:
              - name: app
                image: nginx:1.27
                env:
                - {name: A, value: '1'}
        """

    static func fieldsV1(_ response: APIResponse, manager: String) -> JSONValue? {
        response.json["metadata"]?["managedFields"]?.arrayValue?.first { $0["manager"]?.stringValue == manager }?["fieldsV1"]
    }

    @Test func appliedFieldsAreRecordedExactly() async throws {
        let schemas = try #require(Fixtures.schemas)
        try await KubeSandbox.withRunning(SandboxOptions(schemas: schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            let created = try await client.apply("\(deployments)/sd?fieldManager=mgr-a", yaml: Self.appContainer)
            #expect(created.status == 201)
            let expected: JSONValue = ["f:spec": [
                "f:selector": [:],
                "f:template": [
                    "f:metadata": ["f:labels": ["f:app": [:]]],
                    "f:spec": ["f:containers": [#"k:{"name":"app"}"#: [
                        ".": [:], "f:image": [:], "f:name": [:],
                        "f:env": [#"k:{"name":"A"}"#: [".": [:], "f:name": [:], "f:value": [:]]],
                    ]]],
                ],
            ]]
            #expect(Self.fieldsV1(created, manager: "mgr-a") == expected, "the selector is atomic, elements carry \".\"")

            let env = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: sd}
                spec:
                  template:
                    spec:
                      containers:
                      - name: app
                        env:
                        - {name: B, value: '2'}
                """
            let second = try await client.apply("\(deployments)/sd?fieldManager=mgr-c", yaml: env)
            #expect(second.status == 200, "adding an env entry to a shared container is no conflict")
            #expect(second.json["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first?["env"] == [["name": "A", "value": "1"], ["name": "B", "value": "2"]])
        }
    }

    @Test func servicePortsAreKeyedByPortAndDefaultedProtocol() async throws {
        let schemas = try #require(Fixtures.schemas)
        try await KubeSandbox.withRunning(SandboxOptions(schemas: schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            let services = "/api/v1/namespaces/default/services"
            let web = """
                apiVersion: v1
                kind: Service
                metadata: {name: ss}
                spec:
                  selector: {app: ss}
                  ports:
                  - {name: http, port: 80}
                """
            let created = try await client.apply("\(services)/ss?fieldManager=mgr-a", yaml: web)
            #expect(created.status == 201)
            #expect(Self.fieldsV1(created, manager: "mgr-a") == ["f:spec": [
                "f:selector": [:],
                "f:ports": [#"k:{"port":80,"protocol":"TCP"}"#: [".": [:], "f:name": [:], "f:port": [:]]],
            ]])
            let udp = """
                apiVersion: v1
                kind: Service
                metadata: {name: ss}
                spec:
                  ports:
                  - {name: dns, port: 80, protocol: UDP}
                """
            let merged = try await client.apply("\(services)/ss?fieldManager=mgr-c", yaml: udp)
            #expect(merged.status == 200, "the same port over UDP is another element")
            #expect(merged.json["spec"]?["ports"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["http", "dns"])
        }
    }

    /// Dropping an element whose fields are removed one by one used to depend on set order:
    /// its key field could go first, leaving a nameless container (422). Each fresh store orders differently.
    @Test func droppingAnOwnedElementRemovesItWhole() async throws {
        let schemas = try #require(Fixtures.schemas)
        let sidecar = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: sd}
            spec:
              template:
                spec:
                  containers:
                  - {name: sidecar, image: 'busybox:1', args: [sleep, '1'], env: [{name: X, value: '1'}]}
            """
        let nothing = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: sd}\n"
        for _ in 0..<12 {
            try await KubeSandbox.withRunning(SandboxOptions(schemas: schemas)) { sandbox in
                let client = SandboxClient(sandbox)
                #expect(try await client.apply("\(deployments)/sd?fieldManager=mgr-a", yaml: Self.appContainer).status == 201)
                #expect(try await client.apply("\(deployments)/sd?fieldManager=mgr-b", yaml: sidecar).status == 200)
                let dropped = try await client.apply("\(deployments)/sd?fieldManager=mgr-b", yaml: nothing)
                #expect(dropped.status == 200)
                #expect(dropped.json["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["app"])
                #expect(Self.fieldsV1(dropped, manager: "mgr-b") == nil, "a manager left with nothing is no longer listed")
            }
        }
    }

    @Test func updatesRecordTheUserAgentsManagerAndConflictsNameIt() async throws {
        let schemas = try #require(Fixtures.schemas)
        try await KubeSandbox.withRunning(SandboxOptions(schemas: schemas)) { sandbox in
            let client = SandboxClient(sandbox, headers: [("User-Agent", "fid-harness/1.0 (linux/amd64) kubernetes/fidelity")])
            let base = "/api/v1/namespaces/default/configmaps"
            var configMap = Fixtures.configMap("s", data: ["k": "v"])
            configMap["metadata"]?["finalizers"] = ["example.com/hold"]
            let created = try await client.post(base, configMap)
            #expect(created.json["metadata"]?["managedFields"]?.arrayValue?.first?["manager"] == "fid-harness")
            #expect(Self.fieldsV1(created, manager: "fid-harness")?["f:data"] == [".": [:], "f:k": [:]], "a map the update created is owned itself")
            #expect(Self.fieldsV1(created, manager: "fid-harness")?["f:metadata"]?["f:finalizers"] == [".": [:], #"v:"example.com/hold""#: [:]],
                    "a set-list owns each value")

            let rival = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s}\ndata: {k: other}\n"
            let conflict = try await client.apply("\(base)/s?fieldManager=mgr-b", yaml: rival)
            #expect(conflict.status == 409)
            #expect(conflict.json["details"]?["causes"]?.arrayValue?.first == ["reason": "FieldManagerConflict", "message": "conflict with \"fid-harness\" using v1", "field": ".data.k"])

            let noManager = try await client.apply("\(base)/s", yaml: rival)
            #expect(noManager.status == 422, "the User-Agent does not stand in for an apply's fieldManager")
            #expect(noManager.json["details"]?["causes"]?.arrayValue?.first?["field"] == "fieldManager")
            let stale = try await client.apply("\(base)/s?fieldManager=mgr-b", yaml: rival.replacingOccurrences(of: "name: s}", with: "name: s, resourceVersion: '1'}"))
            #expect(stale.status == 409)
            #expect(stale.json["reason"] == "Conflict")
            let wrongKind = try await client.apply("\(base)/s?fieldManager=mgr-b", yaml: rival.replacingOccurrences(of: "ConfigMap", with: "Secret"))
            #expect(wrongKind.status == 400)
            let undeclared = try await client.apply("\(base)/u?fieldManager=mgr-b", yaml: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: u}\nbogus: 1\n")
            #expect(undeclared.status == 500, "apply cannot type a field the schema does not declare")
            let dryRun = try await client.apply("\(base)/d?fieldManager=mgr-b&dryRun=All", yaml: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\n")
            #expect(dryRun.status == 201)
            #expect(try await client.get("\(base)/d").status == 404, "a dry-run apply creates nothing")
        }
    }
}
