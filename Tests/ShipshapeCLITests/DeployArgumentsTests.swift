import Foundation
import KubeModel
import Testing
@testable import shipshape

/// The arguments every Deploy/ variant gives `shipshape run` pass its validation: a flag renamed
/// or made exclusive fails here, not in a crash-looping pod.
@Suite struct DeployArgumentsTests {
    @Test(.enabled(if: DevCommandTests.kubectl != nil, "kubectl is not on PATH"),
          arguments: ["Deploy", "Deploy/base", "Deploy/cert-manager", "Deploy/no-secret-access"])
    func theOperatorsArgumentsAreValid(variant: String) async throws {
        let built = try await CLIRun.run(["kustomize", variant], program: DevCommandTests.kubectl)
        try #require(built.status == 0, "\(built.standardError)")
        let objects = try SourceReader.objects(in: built.standardOutput, file: variant)
        let deployment = try #require(objects.first { $0.kind == "Deployment" && $0.name == "shipshape-operator" })
        let container = try #require(deployment.value["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first)
        let arguments = (container["args"]?.arrayValue ?? []).compactMap(\.stringValue)
            .map { $0.replacingOccurrences(of: "$(POD_NAMESPACE)", with: "shipshape-system") }
        #expect(arguments.first == "run")
        let settings = try RunCommand.parse(Array(arguments.dropFirst())).settings(environment: ["POD_NAME": "shipshape-operator-0"])
        #expect(settings.webhook != nil, "every variant serves the webhook")
        #expect(settings.leaseNamespace == "shipshape-system")
        let certificate = settings.webhook?.certificate
        if variant.hasSuffix("cert-manager") {
            #expect(certificate == .files(.init(directory: "/etc/shipshape/webhook")))
        } else if case .selfIssued(let names)? = certificate {
            #expect(names.namespace == "shipshape-system" && names.secret == "shipshape-webhook-tls")
        } else {
            Issue.record("\(variant): the webhook's certificate is not self-issued: \(String(describing: certificate))")
        }
    }
}
