import Checklist
import Foundation
import KubeModel
import Testing
@testable import Admission

/// Admission with the real catalogue: what a user sees when `kubectl apply` is refused.
@Suite struct RealChecklistTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    static func review(_ path: String, mode: String? = nil) throws -> JSONValue {
        let file = examples.appendingPathComponent(path).path
        var object = try #require(try SourceReader.objects(in: String(contentsOfFile: file, encoding: .utf8), file: file).first).value
        if let mode { object["spec"]?["checklist"] = ["mode": .string(mode)] }
        return AdmissionHandlerTests.review("CREATE", object: object)
    }

    @Test func theShopIsAdmittedWithoutWarningsOfErrorRules() throws {
        let handler = AdmissionHandler(checklist: Checklist())
        for file in ["shop/order-service.yaml", "shop/product-catalog.yaml", "shop/notification-service.yaml", "minimal.yaml"] {
            let response = try handler.reviewMicroservice(AdmissionRequest(review: Self.review(file)))
            #expect(response.allowed, "\(file): \(response.denial?.message ?? "")")
        }
    }

    @Test func theLegacyDemoIsDeniedInEnforceModeWithAdvice() throws {
        let handler = AdmissionHandler(checklist: Checklist())
        let response = try handler.reviewMicroservice(AdmissionRequest(review: Self.review("checklist-demo/legacy-billing.yaml", mode: "enforce")))
        #expect(!response.allowed)
        let message = response.denial?.message ?? ""
        #expect(message.hasPrefix("Microservice demo/legacy-billing breaks "))
        for rule in ["image-pinned", "no-inline-secrets", "run-as-non-root", "cpu-request"] {
            #expect(message.contains("- \(rule): "), "\(rule) missing from:\n\(message)")
        }
        #expect(!message.contains("not-a-real-password"), "a secret value must never be echoed")
        let warned = try handler.reviewMicroservice(AdmissionRequest(review: Self.review("checklist-demo/legacy-billing.yaml")))
        #expect(warned.allowed)
        #expect(warned.warnings.contains { $0.hasPrefix("[replicas-ha] ") })
    }
}
