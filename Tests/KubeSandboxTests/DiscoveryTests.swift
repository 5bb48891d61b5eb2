import KubeModel
import KubeSandbox
import Testing

/// Discovery and the non-API endpoints as a real API server serves them.
@Suite struct DiscoveryTests {
    @Test func aggregatedDiscoveryListsGroupsVersionsAndResources() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json"
            let apis = try await client.get("/apis", accept: accept)
            #expect(apis.headers.first(name: "Content-Type") == "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList")
            #expect(apis.json["kind"] == "APIGroupDiscoveryList")
            #expect(apis.json["apiVersion"] == "apidiscovery.k8s.io/v2")
            let apps = try #require(apis.json["items"]?.arrayValue?.first { $0["metadata"]?["name"] == "apps" })
            let deployments = try #require(apps["versions"]?.arrayValue?.first?["resources"]?.arrayValue?.first { $0["resource"] == "deployments" })
            #expect(deployments["scope"] == "Namespaced")
            #expect(deployments["responseKind"]?["kind"] == "Deployment")
            #expect(deployments["subresources"]?.arrayValue?.map { $0["subresource"] } == ["scale", "status"])

            let core = try await client.get("/api", accept: accept)
            #expect(core.json["items"]?.arrayValue?.first?["versions"]?.arrayValue?.first?["version"] == "v1")
            // Plain JSON still gets the legacy documents.
            #expect(try await client.get("/apis").json["kind"] == "APIGroupList")
        }
    }

    @Test func resourceListsAreSortedAndCarryStorageVersionHashes() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let list = try await SandboxClient(sandbox).get("/apis/apps/v1").json
            let names = list["resources"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(names == names.sorted())
            let deployments = try #require(list["resources"]?.arrayValue?.first { $0["name"] == "deployments" })
            #expect(deployments["storageVersionHash"]?.stringValue?.isEmpty == false)
        }
    }

    @Test func unknownGroupsAndPathsArePlainText404() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            for path in ["/foo", "/apis/nonexistent.example.com", "/apis/nonexistent.example.com/v1/things"] {
                let response = try await client.get(path)
                #expect(response.status == 404)
                #expect(response.text == "404 page not found\n", "\(path)")
            }
            // A known group's unknown version is an API 404 (a Status).
            #expect(try await client.get("/apis/apps/v2").json["kind"] == "Status")
        }
    }

    @Test func versionAndHealthEndpoints() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let version = try await client.get("/version").json
            #expect(version["emulationMinor"] == "36")
            #expect(version["minCompatibilityMinor"] == "35")
            #expect(try await client.get("/livez").text == "ok")
            let verbose = try await client.get("/readyz?verbose=true")
            #expect(verbose.text.hasPrefix("[+]ping ok\n"))
            #expect(verbose.text.hasSuffix("readyz check passed\n"))
        }
    }
}
