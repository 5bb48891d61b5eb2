import Foundation
import KubeModel
import KubeSchema
import Render
import Testing

/// Every object of every golden case is valid Kubernetes: checked against the official 1.36
/// OpenAPI schemas in ../shared/kubernetes-openapi (types, required fields, unknown fields); the
/// Prometheus Operator's and Istio's kinds against the CRD fixtures written from their documentation.
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
            if let kind = ExtensionKind(rawValue: gvk.kind), kind.apiVersion == apiVersion {
                #expect(try ExtensionCRDs.problems(of: object.value, kind: kind) == [], "\(name): \(gvk) \(object.name ?? "")")
                continue
            }
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

    /// The extension CRD fixtures catch mistakes too.
    @Test func aBrokenAuthorizationPolicyIsCaught() throws {
        let policy: JSONValue = ["spec": ["action": "ALLOW", "rules": [["from": [["source": ["principal": ["x"]]]]]], "selector": "app"]]
        let problems = try ExtensionCRDs.problems(of: policy, kind: .authorizationPolicy)
        #expect(problems.contains("spec.rules[0].from[0].source.principal: unknown field"))
        #expect(problems.contains { $0.hasPrefix("selector") })
    }
}
