import Foundation
import KubeModel
import Testing
@testable import ShipshapeAPI

@Suite struct ExampleDecodingTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples")

    @Test func designExampleDecodesCompletely() throws {
        let path = Self.examples.appendingPathComponent("shop/order-service.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let object = try #require(try SourceReader.objects(in: text, file: path).first)
        let service = try MicroserviceReader.read(object)
        #expect(service.key == "shop/order-service")
        #expect(service.spec.ports?.map(\.name) == ["http", "metrics"])
        #expect(service.spec.secrets?.compactMap(\.form) == [
            .variable(env: "DATABASE_URL", secret: "order-db", key: "url"),
            .allKeys(secret: "order-api-keys"),
            .mount(path: "/var/run/tls", secret: "order-tls"),
        ])
        #expect(service.spec.resources?.limits?.memory?.text == "256Mi")
        #expect(service.spec.resources?.limits?.memory?.value == 268_435_456.0)
        #expect(service.spec.probes?.startup?.failureThreshold == 30)
        #expect(service.spec.dependsOn?.last?.cidr == "10.20.0.0/16")
        #expect(service.spec.observability?.tracing?.sampleRatio == 0.1)
        #expect(service.spec.checklist?.mode == .enforce)
    }

    @Test func encodingRoundTripsThroughTheReader() throws {
        var spec = MicroserviceSpec(image: "example/app:1.0")
        spec.ports = [ServicePort(name: "http", port: 8080)]
        spec.secrets = [SecretReference(envFrom: "keys")]
        let original = Microservice(metadata: ObjectMeta(name: "app", namespace: "team"), spec: spec)
        let yaml = try JSONValueEncoder().encode(original).yamlText()
        let object = try #require(try SourceReader.objects(in: yaml, file: "rt.yaml").first)
        #expect(try MicroserviceReader.read(object) == original)
    }
}


@Suite struct AllExamplesTests {
    @Test func everyExampleIsAValidMicroservice() throws {
        let root = ExampleDecodingTests.examples.path
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        var count = 0
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".yaml") else { continue }
            let path = root + "/" + relative
            for object in try SourceReader.objects(in: String(contentsOfFile: path, encoding: .utf8), file: path) {
                #expect(throws: Never.self) { try MicroserviceReader.read(object) }
                count += 1
            }
        }
        #expect(count >= 5)
    }
}
