import AdmissionServer
import AsyncHTTPClient
import Foundation
import KubeModel
import NIOCore
import NIOHTTP1
import ShipshapeTesting
import Testing

/// The server survives hostile and broken input: random and mutated bodies, a body that never
/// finishes. Every answer is a 200 review or a 4xx with a reason, and it stays healthy after.
@Suite(.timeLimit(.minutes(1))) struct WebhookRobustnessTests {
    let pki: (ca: String, certificate: ServingCertificate)

    init() throws {
        let (ca, serving) = try CertificateDirectory.issue()
        pki = (ca.certificatePEM, try ServingCertificate(certificatePEM: serving.certificatePEM, privateKeyPEM: serving.privateKeyPEM,
                                                         logger: WebhookHarness.quietLogger))
    }

    /// Byte-level damage to a valid body: flips, cuts, insertions, truncation, repetition.
    static func mutate(_ bytes: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
            let at = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &random)))
            case 2: bytes.insert(contentsOf: Array("{\"\"[]},:null-1e999\u{0}\\\"💥".utf8).shuffled(using: &random).prefix(8), at: at)
            case 3: bytes = Array(bytes.prefix(at))
            case 4: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 200)], at: at)
            default:
                let text = String(decoding: bytes, as: UTF8.self)
                for (from, to) in [("\"CREATE\"", "\"DELETE\""), ("\"object\"", "\"objekt\""), ("\"spec\"", "\"spec\":null,\"x\""),
                                   ("\"v1alpha1\"", "7"), ("\"image\"", "\"image\":[],\"y\"")]
                where Bool.random(using: &random) {
                    bytes = Array(text.replacingOccurrences(of: from, with: to).utf8)
                    break
                }
            }
        }
        return bytes
    }

    static let replacements: [JSONValue] = [.null, true, 0, -1, 1e300, "", "latest", "💥", [], [:], [[:]], ["x": [1, "y"]]]

    /// Structural damage that keeps the JSON valid: one node replaced by a hostile value, or removed.
    static func mutateJSON(_ value: JSONValue, _ random: inout SeededRandom) -> JSONValue {
        JSONMutation.mutate(value, &random) { random, _ in replacements[Int.random(in: 0..<replacements.count, using: &random)] }
    }

    @Test func randomAndMutatedBodiesNeverBreakTheServer() async throws {
        let seeds: [JSONValue] = [
            try Reviews.microservice("checklist-demo/legacy-billing.yaml", mode: "enforce"),
            try Reviews.microservice("shop/order-service.yaml"), try Reviews.microservice("minimal.yaml"), Reviews.carelessDeployment(),
        ]
        let bodies = seeds.map { Array($0.jsonText().utf8) }
        let paths = WebhookRoute.allCases.map(\.path)
        try await WebhookHarness.withServer(certificate: pki.certificate) { port in
            try await WebhookClient.with(trusting: pki.ca, port: port) { client in
                try await withThrowingTaskGroup(of: [Int: Int].self) { group in
                    for lane in 0..<4 {
                        group.addTask {
                            var random = SeededRandom(state: UInt64(lane) &* 7919 &+ 1)
                            var statuses: [Int: Int] = [:]
                            for index in 0..<100 {
                                let seed = Int.random(in: 0..<seeds.count, using: &random)
                                let body: [UInt8]
                                switch index % 10 {
                                case 0: body = (0..<Int.random(in: 0...512, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                                case 1, 2, 3: body = Self.mutate(bodies[seed], &random)
                                default:
                                    // Mostly inside the object under review, where the checklist reads.
                                    var review = seeds[seed]
                                    var object = review["request"]?["object"] ?? .null
                                    for _ in 0..<Int.random(in: 1...3, using: &random) { object = Self.mutateJSON(object, &random) }
                                    review["request"]?["object"] = object
                                    if index % 10 == 4 { review["request"]?["oldObject"] = Self.mutateJSON(object, &random) }
                                    if index % 10 == 9 { review = Self.mutateJSON(review, &random) }
                                    body = Array(review.jsonText().utf8)
                                }
                                let path = paths[Int.random(in: 0..<paths.count, using: &random)]
                                let reply = try await client.send(.POST, path, body: String(decoding: body, as: UTF8.self))
                                #expect(reply.status == 200 || reply.status == 400, "lane \(lane) case \(index): \(reply.status) \(reply.text)")
                                if reply.status == 200 { #expect(reply.json?["response"]?["allowed"]?.boolValue != nil) }
                                statuses[reply.status, default: 0] += 1
                            }
                            return statuses
                        }
                    }
                    var total: [Int: Int] = [:]
                    for try await statuses in group { total.merge(statuses, uniquingKeysWith: +) }
                    #expect(total.values.reduce(0, +) == 400)
                    #expect(total[400, default: 0] > 0 && total[200, default: 0] > 0, "\(total)")
                }
                #expect(try await client.send(.GET, "/healthz", contentType: nil).status == 200)
                let review = try await client.review("/validate-microservice", Reviews.microservice("minimal.yaml"))
                #expect(review.json?["response"]?["allowed"] == true)
            }
        }
    }

    @Test func aBodyThatNeverFinishesTimesOut() async throws {
        var configuration = WebhookServerConfiguration()
        configuration.requestTimeout = .milliseconds(200)
        try await WebhookHarness.withServer(certificate: pki.certificate, configuration: configuration) { port in
            try await WebhookClient.with(trusting: pki.ca, port: port) { client in
                let (chunks, continuation) = AsyncStream.makeStream(of: ByteBuffer.self)
                continuation.yield(ByteBuffer(string: "{\"apiVersion\": "))
                defer { continuation.finish() }
                var request = HTTPClientRequest(url: "https://127.0.0.1:\(port)/validate-microservice")
                request.method = .POST
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .stream(chunks, length: .known(Int64(1000)))
                let response = try await client.http.execute(request, timeout: .seconds(20))
                #expect(response.status.code == 408)
                let text = String(buffer: try await response.body.collect(upTo: 4096))
                #expect(text.contains("the request body did not arrive within"))
            }
            try await WebhookClient.with(trusting: pki.ca, port: port) { client in
                let health = try await client.send(.GET, "/healthz", contentType: nil)
                #expect(health.status == 200)
            }
        }
    }
}
