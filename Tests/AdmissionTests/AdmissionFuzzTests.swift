import KubeModel
import ShipshapeTesting
import Testing
@testable import Admission

@Suite struct AdmissionFuzzTests {
    static let keys = ["apiVersion", "kind", "request", "uid", "object", "oldObject", "operation", "metadata", "spec",
                       "name", "namespace", "image", "ports", "port", "probes", "replicas", "checklist", "mode", "group"]

    static func randomValue(_ random: inout SeededRandom, depth: Int) -> JSONValue {
        switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &random) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .integer(Int.random(in: -70000...70000, using: &random))
        case 3: return .number(Double.random(in: -1e6...1e6, using: &random))
        case 4: return .string(["", "x", "CREATE", "UPDATE", "Microservice", "shipshape.dev", "a:latest", "💥", "admission.k8s.io/v1"]
            .randomElement(using: &random) ?? "")
        case 5: return .array((0..<Int.random(in: 0...3, using: &random)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            var object = JSONObject()
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                object[keys.randomElement(using: &random) ?? "x"] = randomValue(&random, depth: depth + 1)
            }
            return .object(object)
        }
    }

    @Test func randomAndMutatedReviewsNeverCrash() {
        let handler = AdmissionHandler(checklist: TwoRules())
        let valid = AdmissionHandlerTests.review(
            "UPDATE", object: AdmissionHandlerTests.microservice(image: "orders:latest", replicas: 1),
            old: AdmissionHandlerTests.microservice(image: "orders:1.0"))
        var random = SeededRandom(state: 20_261_125)
        var outcomes = (allowed: 0, denied: 0, rejected: 0)
        for round in 0..<5000 {
            let body = round % 4 == 0 ? Self.randomValue(&random, depth: 0) : JSONMutation.mutate(valid, &random) { random, depth in Self.randomValue(&random, depth: depth) }
            do {
                let request = try AdmissionRequest(review: body)
                let response = try handler.reviewMicroservice(request)
                _ = try handler.reviewWorkload(request, mode: .enforce)
                #expect(response.uid == request.uid)
                if response.allowed { outcomes.allowed += 1 } else { outcomes.denied += 1 }
            } catch {
                outcomes.rejected += 1
            }
        }
        // The mutations reach every outcome, so the loop exercised real paths.
        #expect(outcomes.allowed > 0 && outcomes.denied > 0 && outcomes.rejected > 0)
    }
}
