import Foundation
import KubeModel
import ShipshapeAPI
import Testing
@testable import Render

/// Each case renders `Tests/Fixtures/render/<case>/input.yaml` (with the renderer options in
/// `renderer.yaml`, when present) and compares the YAML with `expected.yaml` and the warnings
/// with `warnings.txt` (absent when there are none). Re-record: `SHIPSHAPE_RECORD=1 swift test --filter RenderTests`.
@Suite struct GoldenTests {
    static let cases = [
        "shop", "minimal", "autoscaling", "single-replica", "grpc", "secrets-and-config", "cross-namespace",
        "missing-dependency", "operator-mode", "security-overrides", "extensions",
    ]

    /// The options a case may set, as the operator would supply them.
    struct RendererOptions: Decodable {
        var ownerUIDs: [String: String]?
        var referenceVersions: [String: String]?
        /// Extension kinds served, such as PrometheusRule.
        var served: [String]?
        var meshMTLSByDefault: Bool?
    }

    /// Cases whose input is the repository's Examples (in the order `shipshape render` reads
    /// them), so the examples' rendering is reviewed in every diff; the others use `input.yaml`.
    static let exampleInputs = [
        "shop": ["shop/notification-service.yaml", "shop/order-service.yaml", "shop/product-catalog.yaml"],
        "minimal": ["minimal.yaml"],
    ]

    static let examples = Golden.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples")

    /// The Microservices a case renders.
    static func inputs(of name: String) throws -> [Microservice] {
        let files = exampleInputs[name]?.map { examples.appendingPathComponent($0) }
            ?? [Golden.root.appendingPathComponent(name).appendingPathComponent("input.yaml")]
        return try files.flatMap { try Golden.microservices(in: $0) }
    }

    @Test(arguments: cases) func rendersAsRecorded(_ name: String) throws {
        let directory = Golden.root.appendingPathComponent(name)
        let microservices = try Self.inputs(of: name)
        let output = try renderer(in: directory).render(microservices)
        try Golden.check(output.yamlText(), against: directory.appendingPathComponent("expected.yaml"))
        let warnings = output.warnings.map { "\($0)\n" }.joined()
        try Golden.check(warnings.isEmpty ? nil : warnings, against: directory.appendingPathComponent("warnings.txt"))
    }

    @Test func everyFixtureDirectoryIsACase() throws {
        let directories = try FileManager.default.contentsOfDirectory(atPath: Golden.root.path)
        #expect(Set(directories) == Set(Self.cases))
    }

    private func renderer(in directory: URL) throws -> Renderer {
        let file = directory.appendingPathComponent("renderer.yaml")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return Renderer() }
        let objects = try SourceReader.objects(in: text, file: "renderer.yaml")
        let options = try JSONValueDecoder().decode(RendererOptions.self, from: try #require(objects.first).value)
        let extensions = ExtensionOptions(served: Set((options.served ?? []).compactMap(ExtensionKind.init(rawValue:))),
                                          meshMTLSByDefault: options.meshMTLSByDefault ?? false)
        return Renderer(ownerUIDs: options.ownerUIDs ?? [:], referenceVersions: options.referenceVersions ?? [:], extensions: extensions)
    }
}
