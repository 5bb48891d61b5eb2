import Foundation
import KubeModel
import KubeSchema
import Testing

/// Every object of every golden case is valid Kubernetes: checked against the official 1.36
/// OpenAPI schemas in ../shared/kubernetes-openapi (types, required fields, unknown fields).
@Suite struct OpenAPIValidationTests {
    static let schemas: Result<OpenAPISchemas, SchemaFileError> = {
        let directory = Golden.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/kubernetes-openapi").standardized.path
        return Result { () throws(SchemaFileError) in try OpenAPISchemas(directory: directory) }
    }()

    @Test(arguments: GoldenTests.cases)
    func everyRenderedObjectIsValid(_ name: String) throws {
        let schemas = try Self.schemas.get()
        let file = Golden.root.appendingPathComponent(name).appendingPathComponent("expected.yaml")
        let objects = try SourceReader.objects(in: String(contentsOf: file, encoding: .utf8), file: file.path)
        #expect(!objects.isEmpty)
        for object in objects {
            let apiVersion = object.apiVersion ?? ""
            let parts = apiVersion.split(separator: "/").map(String.init)
            let gvk = GroupVersionKind(group: parts.count == 2 ? parts[0] : "", version: parts.last ?? "", kind: object.kind ?? "")
            let result = try #require(schemas.validate(object.value, as: gvk), "no schema for \(gvk)")
            let context = "\(name): \(gvk) \(object.name ?? "")"
            #expect(result.violations.map(\.description) == [], "\(context)")
            #expect(result.unknownFields.map(\.description) == [], "\(context)")
        }
    }

    /// The validator is not a rubber stamp: a misspelt or mistyped field is caught.
    @Test func aBrokenDeploymentIsCaught() throws {
        let schemas = try Self.schemas.get()
        let file = Golden.root.appendingPathComponent("minimal").appendingPathComponent("expected.yaml")
        let objects = try SourceReader.objects(in: String(contentsOf: file, encoding: .utf8), file: file.path)
        var deployment = try #require(objects.first { $0.kind == "Deployment" }).value
        deployment["spec"]?["replicas"] = "two"
        deployment["spec"]?["replica"] = 2
        let result = try #require(schemas.validate(deployment, as: GroupVersionKind(group: "apps", version: "v1", kind: "Deployment")))
        #expect(!result.violations.isEmpty)
        #expect(result.unknownFields.map(\.description) == ["spec.replica"])
    }
}
