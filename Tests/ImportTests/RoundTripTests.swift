import Foundation
import Import
import KubeModel
import Render
import ShipshapeAPI
import Testing

/// The round trip over the corpus: every Deployment imports, the Microservice reads back
/// strictly, and rendering it gives a pod template equal to the original on every field a
/// Microservice expresses; every other difference is explained in the comment block.
@Suite struct RoundTripTests {
    @Test(arguments: Corpus.applications)
    func everyDeploymentRoundTrips(application: String) throws {
        let objects = try Corpus.objects(in: application)
        let deployments = objects.filter { $0.kind == "Deployment" }
        let result = Importer().run(objects.map(ImportInput.init))
        #expect(result.services.count == deployments.count, "\(result.problems)")
        for service in result.services {
            let original = try #require(deployments.first { $0.name == service.microservice.name }).value
            let unexplained = service.notExpressed.filter(\.unexplained)
            #expect(unexplained.isEmpty, "\(service.microservice.key): differences no mapping rule explains: \(unexplained)")

            let reread = try #require(try SourceReader.objects(in: service.document, file: "import").first)
            #expect(try MicroserviceReader.read(reread) == service.microservice)

            let rendered = try #require(Renderer().render([service.microservice]).objects.first { $0.kind == "Deployment" }).value
            try expectExpressibleFieldsKept(original: original, rendered: rendered, service: service)
        }
    }

    /// Checks the rendered Deployment against the original directly (not through the importer's
    /// own comparison): selector labels, image, command, args, plain env, resources, probes,
    /// ports and grace period are the original's.
    private func expectExpressibleFieldsKept(original: JSONValue, rendered: JSONValue, service: ImportedService) throws {
        let key = service.microservice.key
        let selector = original["spec"]?["selector"]?["matchLabels"]?.objectValue ?? JSONObject()
        let labels = rendered["spec"]?["template"]?["metadata"]?["labels"]
        for (label, value) in selector {
            #expect(labels?[label] == value, "\(key): the pods must keep matching the Deployment's selector (\(label))")
        }
        let containers = original["spec"]?["template"]?["spec"]?["containers"]?.arrayValue ?? []
        let main = try #require(containers.first { $0["image"]?.stringValue == service.microservice.spec.image })
        let container = try #require(rendered["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first)
        for field in ["image", "command", "args"] {
            #expect(container[field] == main[field], "\(key): \(field)")
        }
        let renderedEnv = container["env"]?.arrayValue ?? []
        for variable in main["env"]?.arrayValue ?? [] where variable["valueFrom"] == nil {
            let name = variable["name"]?.stringValue ?? ""
            let match = renderedEnv.first { $0["name"]?.stringValue == name }
            if service.todos.contains(where: { $0.contains(name) }) {
                #expect(match?["valueFrom"]?["secretKeyRef"]?["key"]?.stringValue == name, "\(key): \(name) is read from the Secret")
            } else {
                #expect(match?["value"] == variable["value"], "\(key): env \(name)")
            }
        }
        for field in ["requests", "limits"] {
            for (resource, value) in main["resources"]?[field]?.objectValue ?? JSONObject() {
                #expect(container["resources"]?[field]?[resource]?.stringValue == value.stringValue, "\(key): resources.\(field).\(resource)")
            }
        }
        for probe in ["livenessProbe", "readinessProbe", "startupProbe"] {
            guard let want = main[probe] else { continue }
            let got = container[probe]
            for handler in ["exec", "grpc", "tcpSocket"] where want[handler] != nil {
                #expect(got?[handler] == want[handler], "\(key): \(probe).\(handler)")
            }
            if let http = want["httpGet"] {
                #expect(got?["httpGet"]?["path"] == http["path"] && got?["httpGet"]?["port"] == http["port"], "\(key): \(probe).httpGet")
            }
            for timing in ["initialDelaySeconds", "periodSeconds", "timeoutSeconds", "failureThreshold"] where want[timing] != nil {
                #expect(got?[timing] == want[timing], "\(key): \(probe).\(timing)")
            }
        }
        let declared = Set((container["ports"]?.arrayValue ?? []).compactMap { $0["containerPort"]?.intValue })
        for port in main["ports"]?.arrayValue ?? [] {
            #expect(declared.contains(port["containerPort"]?.intValue ?? 0), "\(key): port \(port)")
        }
        if let grace = original["spec"]?["template"]?["spec"]?["terminationGracePeriodSeconds"] {
            #expect(rendered["spec"]?["template"]?["spec"]?["terminationGracePeriodSeconds"] == grace, "\(key): grace period")
        }
    }

    @Test(arguments: Corpus.applications)
    func outputMatchesTheGoldenFile(application: String) throws {
        let result = try Corpus.importing(application)
        try Corpus.checkGolden(result.services.map(\.document).joined(separator: "---\n"), name: application)
    }

    @Test func outputIsDeterministicWhateverTheInputOrder() throws {
        let objects = try Corpus.applications.flatMap { try Corpus.objects(in: $0) }
        let forward = Importer().run(objects.map(ImportInput.init)).services.map(\.document)
        let backward = Importer().run(objects.reversed().map(ImportInput.init)).services.map(\.document)
        #expect(forward == backward)
        #expect(forward.count == 8)
    }
}
