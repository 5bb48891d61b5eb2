import Foundation
import KubeModel
import KubeSchema
import Testing
@testable import ShipshapeAPI

@Suite struct SchemaTests {
    @Test func swiftTypesAndSchemaHaveNotDrifted() {
        #expect(Microservice.schemaProblems == [])
    }

    /// `kubectl explain microservice.spec...` is only useful when every field says what it is.
    @Test func everyFieldHasADescription() throws {
        var missing: [String] = []
        func walk(_ schema: Schema, _ path: String) {
            if schema.description.trimmingCharacters(in: .whitespaces).isEmpty { missing.append(path) }
            for (name, member) in schema.properties { walk(member, path + "." + name) }
            if let items = schema.items { walk(items, path + "[]") }
        }
        walk(Microservice.specSchema, "spec")
        walk(Microservice.statusSchema, "status")
        #expect(missing == [])
    }

    static let samples: [String] = [
        "", "a", "a-b", "-a", "a-", "A", "a.b", "a..b", "1abc", "abc1", "a_b", "http", "http-metrics", "h--x", "123",
        "abcdefghijklmnop", String(repeating: "a", count: 63), String(repeating: "a", count: 64), "LOG_LEVEL", "_x",
        ".x", "9x", "100m", "128Mi", "1.5", ".5", "5.", "1e3", "1E-2", "+1", "-1", "1Ki", "1k", "1K", "lots", "1.2.3",
        "nginx:1.2", "nginx latest", "/healthz", "healthz", "/a b", "10.0.0.0/8", "10.0.0.0/33", "::1/128", "fe80::/10",
        "10.0.0/8", "1.2.3.4/32", "01.2.3.4/8", "http://h:4317", "https://h/p", "grpc://x", "ftp://h", "http://",
        "http:///x", "image-pinned", "Image", "a--b", "NET_BIND_SERVICE", "net_admin", "SYS_", "_SYS",
        "30d", "7d", "6d", "90d", "91d", "07d", "+8d", "30", "d", "100d", "http_server_request_duration_seconds",
        "job:slo:ratio_rate5m", "9lives", "__name__", "a-b_c", "30s", "1m", "0s", "15", "10000s", "9999m", "1h", "5ms",
    ]

    /// The Swift check and the CRD's RE2 pattern accept exactly the same strings (the CRD's
    /// extra CEL rules are part of the Swift check, so only pattern and length are compared).
    @Test(arguments: StringFormat.allCases)
    func swiftCheckAgreesWithTheCRDPattern(_ format: StringFormat) throws {
        guard let pattern = format.pattern else { return }
        let regex = try NSRegularExpression(pattern: pattern)
        for sample in Self.samples {
            let range = NSRange(sample.startIndex..., in: sample)
            let patternAccepts = regex.firstMatch(in: sample, range: range) != nil
                && (format.maxLength.map { sample.count <= $0 } ?? true)
                && format.rules.allSatisfy { $0.holds(.string(sample)) }
            #expect(format.accepts(sample) == patternAccepts, "\(format) on \"\(sample)\"")
        }
    }

    @Test func theCommittedCRDIsCurrent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("CRDs/microservices.shipshape.dev.yaml").path
        let committed = try String(contentsOfFile: path, encoding: .utf8)
        let generated = try CustomResourceDefinition.microservices().yamlText()
        #expect(committed == generated, "CRDs/ is stale: run `swift run shipshape crd > CRDs/microservices.shipshape.dev.yaml`")
    }

    @Test func crdIsStructural() throws {
        let crd = try CustomResourceDefinition.microservices()
        let schema = try #require(crd[FieldPath(parsing: "spec.versions[0].schema.openAPIV3Schema")])
        var untyped: [String] = []
        func walk(_ node: JSONValue, _ path: String) {
            if node["type"] == nil && node["x-kubernetes-int-or-string"] == nil { untyped.append(path) }
            for (name, member) in node["properties"]?.objectValue ?? [:] { walk(member, path + "." + name) }
            if let items = node["items"] { walk(items, path + "[]") }
            if let values = node["additionalProperties"] { walk(values, path + "{}") }
        }
        walk(schema, "")
        #expect(untyped == [])
        #expect(crd[FieldPath(parsing: "spec.names.shortNames")] == ["msvc"])
        #expect(crd[FieldPath(parsing: "spec.versions[0].subresources.status")] == .object([:]))
    }

    @Test func quantitiesParseToBaseUnits() {
        #expect(Quantity.parse("100m") == 0.1)
        #expect(Quantity.parse("128Mi") == 134_217_728)
        #expect(Quantity.parse("1e3") == 1000)
        #expect(Quantity.parse("2") == 2)
        #expect(Quantity.parse("1.5Gi") == 1.5 * 1_073_741_824)
        #expect(Quantity.parse("abc") == nil)
        #expect(Quantity.parse("") == nil)
        #expect(Quantity.parse("1Mb") == nil)
    }
}

@Suite struct CRDOpenAPITests {
    @Test func theCRDIsValidAgainstTheOfficialAPIExtensionsSchema() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("../shared/kubernetes-openapi").standardized.path
        let schemas = try OpenAPISchemas(directory: root)
        let crd = try CustomResourceDefinition.microservices()
        let gvk = GroupVersionKind(group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition")
        let result = try #require(schemas.validate(crd, as: gvk))
        #expect(result.violations.map(\.description) == [])
        #expect(result.unknownFields.map(\.description) == [])
    }
}
