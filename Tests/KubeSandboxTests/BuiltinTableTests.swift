import Foundation
import KubeModel
import Testing
@testable import KubeSandbox

/// `kubectl get` on built-in kinds: the API server's own columns (recorded cases 425-429), the
/// `includeObject` forms, and the metadata-only views in both meta.k8s.io versions (430-432).
@Suite struct BuiltinTableTests {
    static let tableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io"

    private static func columns(_ table: JSONValue) -> [[JSONValue]] {
        (table["columnDefinitions"]?.arrayValue ?? []).map { [$0["name"] ?? .null, $0["type"] ?? .null, $0["format"] ?? .null, $0["priority"] ?? .null] }
    }

    private static func cells(_ table: JSONValue) -> [[JSONValue]] {
        (table["rows"]?.arrayValue ?? []).map { $0["cells"]?.arrayValue ?? [] }
    }

    @Test func configMapsDeploymentsAndServicesHaveTheServersColumns() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post("/api/v1/namespaces/default/configmaps", Fixtures.configMap("cm-a", data: ["k": "v"])).status == 201)
            #expect(try await client.post("/apis/apps/v1/namespaces/default/deployments", Fixtures.deployment("web", replicas: 2)).status == 201)
            let service: JSONValue = ["apiVersion": "v1", "kind": "Service", "metadata": ["name": "web"],
                                      "spec": ["selector": ["app": "web", "tier": "front"], "ports": [["port": 80, "protocol": "TCP"]]]]
            #expect(try await client.post("/api/v1/namespaces/default/services", service).status == 201)

            let configMaps = try await client.get("/api/v1/namespaces/default/configmaps", accept: TableViewTests.kubectlAccept).json
            #expect(configMaps["kind"] == "Table")
            #expect(Self.columns(configMaps) == [["Name", "string", "name", 0], ["Data", "string", "", 0], ["Age", "string", "", 0]])
            #expect(Self.cells(configMaps).first?.prefix(2) == ["cm-a", 1])
            #expect(Self.cells(configMaps).first?.last?.stringValue?.hasSuffix("s") == true)

            let deployments = try await client.get("/apis/apps/v1/namespaces/default/deployments", accept: Self.tableAccept).json
            #expect(Self.columns(deployments).map { $0[0] } == ["Name", "Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector"])
            #expect(Self.columns(deployments).map { $0[3] } == [0, 0, 0, 0, 0, 1, 1, 1])
            let row = try #require(Self.cells(deployments).first)
            // The Deployment controller made 2 up-to-date Pods; no kubelet makes them available.
            #expect(Array(row.prefix(4)) == ["web", "0/2", 2, 0])
            #expect(Array(row.suffix(3)) == ["app", "registry.example.com/app:1.0", "app=web"])

            let services = try await client.get("/api/v1/namespaces/default/services/web", accept: Self.tableAccept).json
            #expect(Self.columns(services).map { $0[0] } == ["Name", "Type", "Cluster-IP", "External-IP", "Port(s)", "Age", "Selector"])
            let serviceRow = try #require(Self.cells(services).first)
            #expect(serviceRow[1] == "ClusterIP")
            #expect(serviceRow[3] == "<none>")
            #expect(serviceRow[4] == "80/TCP")
            #expect(serviceRow[6] == "app=web,tier=front")
        }
    }

    private static func rowKinds(_ client: SandboxClient, _ path: String) async throws -> [JSONValue] {
        try await client.get(path, accept: tableAccept).json["rows"]?.arrayValue?.map { $0["object"]?["kind"] ?? .null } ?? []
    }

    @Test func includeObjectChoosesWhatEachRowCarries() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let created = try await client.post("/api/v1/namespaces/default/configmaps", Fixtures.configMap("cm-a"))
            #expect(created.status == 201)
            let path = "/api/v1/namespaces/default/configmaps"
            // Only cm-a: every namespace also holds the published kube-root-ca.crt.
            let justA = path + "?fieldSelector=metadata.name%3Dcm-a"
            #expect(try await Self.rowKinds(client, justA) == ["PartialObjectMetadata"])
            #expect(try await Self.rowKinds(client, justA + "&includeObject=Metadata") == ["PartialObjectMetadata"])
            #expect(try await Self.rowKinds(client, justA + "&includeObject=None") == [JSONValue.null])
            #expect(try await Self.rowKinds(client, justA + "&includeObject=Object") == ["ConfigMap"])
            #expect(try await client.get(path + "?includeObject=Everything", accept: Self.tableAccept).status == 400)

            // kubectl get pages through lists (limit=500): a Table page carries the continue token.
            #expect(try await client.post(path, Fixtures.configMap("cm-b")).status == 201)
            let page = try await client.get(path + "?limit=1", accept: Self.tableAccept).json
            #expect(page["rows"]?.arrayValue?.count == 1)
            let token = try #require(page["metadata"]?["continue"]?.stringValue)
            let next = try await client.get(path + "?limit=1&continue=" + token, accept: Self.tableAccept).json
            #expect(Self.cells(next).first?.first == "cm-b")
        }
    }

    @Test func metadataOnlyAnswersFollowTheRequestedVersion() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post("/api/v1/namespaces/default/configmaps", Fixtures.configMap("cm-a")).status == 201)
            let path = "/api/v1/namespaces/default/configmaps"
            let beta = try await client.get(path, accept: "application/json;as=PartialObjectMetadataList;v=v1beta1;g=meta.k8s.io").json
            #expect(beta["apiVersion"] == "meta.k8s.io/v1beta1")
            #expect(beta["items"]?.arrayValue?.first?["apiVersion"] == "meta.k8s.io/v1beta1")
            let one = try await client.get(path + "/cm-a", accept: "application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io").json
            #expect(one["kind"] == "PartialObjectMetadata")
            #expect(one["apiVersion"] == "meta.k8s.io/v1")
            #expect(one["data"] == nil)
            // An unknown version of the meta group is not served; JSON is the fallback offered.
            let fallback = try await client.get(path, accept: "application/json;as=Table;v=v2;g=meta.k8s.io,application/json").json
            #expect(fallback["kind"] == "ConfigMapList")
        }
    }

    @Test func watchEventsCarryOneRowTables() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post("/api/v1/namespaces/default/configmaps", Fixtures.configMap("cm-a")).status == 201)
            var events = try await client.watch("/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=0", accept: Self.tableAccept)
            let event = try #require(try await events.next())
            #expect(event["type"] == "ADDED")
            #expect(event["object"]?["kind"] == "Table")
            #expect(Self.cells(event["object"] ?? .null).first?.first == "cm-a")
        }
    }

    @Test func kindsWithoutAPrinterGetNameAndCreatedAt() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", TableViewTests.crd).status == 201)
            let table = try await client.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", accept: Self.tableAccept).json
            #expect(Self.columns(table) == [["Name", "string", "name", 0], ["Created At", "date", "", 0]])
            #expect(Self.cells(table).first?.first == "widgets.example.dev")
        }
    }
}
