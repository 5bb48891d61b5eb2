import Foundation
import KubeModel
import KubeSchema
import Render

/// The extension kinds' CRDs written as fixtures (Tests/Fixtures/crds) from the Prometheus
/// Operator's and Istio's API documentation.
enum ExtensionCRDs {
    static let directory = Golden.root.deletingLastPathComponent().appendingPathComponent("crds")

    /// The CRD serving `kind`.
    static func crd(_ kind: ExtensionKind) throws -> JSONValue {
        let file = directory.appendingPathComponent("\(kind.crdName).yaml")
        let objects = try SourceReader.objects(in: String(contentsOf: file, encoding: .utf8), file: file.path)
        guard let crd = objects.first?.value else { throw CocoaError(.fileReadCorruptFile) }
        return crd
    }

    /// Validates `object`'s spec against its kind's CRD schema: violations and unknown fields.
    static func problems(of object: JSONValue, kind: ExtensionKind) throws -> [String] {
        let crd = try crd(kind)
        guard let version = crd["spec"]?["versions"]?.arrayValue?.first(where: { $0["name"]?.stringValue == kind.version }),
              let spec = version[FieldPath(parsing: "schema.openAPIV3Schema.properties.spec")] else {
            return ["the \(kind.crdName) fixture has no \(kind.version) spec schema"]
        }
        let result = SchemaValidator(options: .structural).validate(object["spec"] ?? .null, against: spec)
        return result.violations.map(\.description) + result.unknownFields.map { "spec.\($0): unknown field" }
    }
}
