import Foundation
import KubeModel
import Testing
@testable import KubeSandbox

/// The OpenAPI endpoints kubectl reads (recorded cases 23-25): `/openapi/v3` indexes the group
/// versions with hashed URLs, each document is served, custom resources get one built from
/// their CRD, and `/openapi/v2` answers JSON.
@Suite struct OpenAPITests {
    @Test func theIndexListsEveryGroupVersionWithItsHash() async throws {
        let schemas = try #require(Fixtures.schemas, "the Kubernetes OpenAPI documents are expected at ../shared/kubernetes-openapi")
        try await KubeSandbox.withRunning(SandboxOptions(schemas: schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            let index = try await client.get("/openapi/v3")
            #expect(index.status == 200)
            let paths = try #require(index.json["paths"])
            let url = try #require(paths["apis/apps/v1"]?["serverRelativeURL"]?.stringValue)
            #expect(paths["api/v1"] != nil)
            #expect(url.hasPrefix("/openapi/v3/apis/apps/v1?hash="))
            #expect(url.count == "/openapi/v3/apis/apps/v1?hash=".count + 128, "a SHA-512 in hex")

            let document = try await client.get(url)
            #expect(document.status == 200)
            #expect(document.headers.first(name: "Content-Type") == "application/json")
            #expect(document.json["openapi"] == "3.0.0")
            #expect(document.json["components"]?["schemas"]?["io.k8s.api.apps.v1.Deployment"]?["description"] != nil)
            #expect(try await client.get("/openapi/v3/apis/nothing.example/v1").status == 404)
        }
    }

    @Test func customResourcesArePublishedFromTheirCRD() async throws {
        let schemas = try #require(Fixtures.schemas)
        try await KubeSandbox.withRunning(SandboxOptions(schemas: schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.get("/openapi/v3").json["paths"]?["apis/example.dev/v1"] == nil)
            #expect(try await client.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", TableViewTests.crd).status == 201)
            let url = try #require(try await client.get("/openapi/v3").json["paths"]?["apis/example.dev/v1"]?["serverRelativeURL"]?.stringValue)
            let document = try await client.get(url).json
            let widget = try #require(document["components"]?["schemas"]?["dev.example.v1.Widget"])
            #expect(widget["x-kubernetes-group-version-kind"] == [["group": "example.dev", "kind": "Widget", "version": "v1"]])
            #expect(widget["properties"]?["metadata"]?["allOf"]?.arrayValue?.first?["$ref"] == "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")
            #expect(document["components"]?["schemas"]?["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"] != nil)
            #expect(document["components"]?["schemas"]?["io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry"] != nil, "what ObjectMeta refers to")
            let patch = try #require(document["paths"]?["/apis/example.dev/v1/namespaces/{namespace}/widgets/{name}"]?["patch"])
            #expect(patch["x-kubernetes-group-version-kind"]?["kind"] == "Widget")
            #expect(patch["parameters"]?.arrayValue?.contains { $0["name"] == "fieldValidation" && $0["in"] == "query" } == true)
            #expect(document["paths"]?["/apis/example.dev/v1/namespaces/{namespace}/widgets/{name}/status"] != nil)
        }
    }

    @Test func swaggerIsServedAsJSONOnly() async throws {
        let schemas = try #require(Fixtures.schemas)
        try await KubeSandbox.withRunning(SandboxOptions(schemas: schemas)) { sandbox in
            let client = SandboxClient(sandbox)
            let swagger = try await client.get("/openapi/v2", accept: "application/json").json
            #expect(swagger["swagger"] == "2.0")
            let deployment = try #require(swagger["definitions"]?["io.k8s.api.apps.v1.Deployment"])
            #expect(deployment["properties"]?["spec"]?["$ref"] == "#/definitions/io.k8s.api.apps.v1.DeploymentSpec")
            let protobuf = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf"
            #expect(try await client.get("/openapi/v2", accept: protobuf).status == 406)
        }
    }
}
