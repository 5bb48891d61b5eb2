import Admission
import AdmissionServer
import AsyncHTTPClient
import Certificates
import Checklist
import Foundation
import KubeModel
import Logging
import NIOCore
import NIOSSL

/// AdmissionReviews judged in-process (parse, review, serialize: what one request costs
/// without HTTP) and over HTTPS on loopback (server and clients in this process), with p50
/// and p99 latency. The bodies cycle through a denied, a warned and an allowed Microservice
/// and a denied Deployment.
enum AdmissionBenchmark: Benchmark {
    static let name = "admission"
    static let summary = "[--count 20000] [--requests 2000] [--concurrency 4]: reviews/s and p50/p99 in-process and over HTTPS"

    static func run(_ options: BenchmarkOptions) async throws(BenchmarkError) {
        let count = try options.count("count", default: 20_000)
        let requests = try options.count("requests", default: 2_000)
        let concurrency = try options.count("concurrency", default: 4)
        let bodies = try reviewBodies()
        let handler = AdmissionHandler(checklist: Checklist())

        var latencies: [Duration] = []
        latencies.reserveCapacity(count)
        let clock = ContinuousClock()
        let start = clock.now
        for index in 0..<count {
            let (path, body) = bodies[index % bodies.count]
            let began = clock.now
            _ = judge(handler, path: path, body: body)
            latencies.append(clock.now - began)
        }
        report("in-process", count: count, wall: clock.now - start, latencies: latencies)

        do {
            let (wall, over) = try await overHTTPS(bodies: bodies, requests: requests, concurrency: concurrency)
            report("https (\(concurrency) clients)", count: requests, wall: wall, latencies: over)
        } catch {
            throw BenchmarkError(description: "the HTTPS run failed: \(error)")
        }
        print("  peak RSS  \(Measure.peakResidentMemory())")
    }

    /// What the server does with a body, minus HTTP: parse, review, serialize.
    private static func judge(_ handler: AdmissionHandler, path: String, body: [UInt8]) -> Int {
        guard let review = try? JSONValue(parsingJSON: body), let request = try? AdmissionRequest(review: review) else { return 0 }
        let response = path == "/validate-microservice" ? try? handler.reviewMicroservice(request) : try? handler.reviewWorkload(request, mode: .enforce)
        return response?.review.jsonText().utf8.count ?? 0
    }

    private static func overHTTPS(bodies: [(String, [UInt8])], requests: Int, concurrency: Int) async throws -> (Duration, [Duration]) {
        let ca = try CertificateAuthority(commonName: "bench-ca", now: Date())
        let serving = try ca.serverCertificate(commonName: "bench", dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"], now: Date())
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        let certificate = try ServingCertificate(certificatePEM: serving.certificatePEM, privateKeyPEM: serving.privateKeyPEM, logger: logger)
        let server = LoopbackWebhookServer(handler: AdmissionHandler(checklist: Checklist()), certificate: certificate, logger: logger)
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(ca.certificatePEM.utf8)))
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
        configuration.httpVersion = .http1Only
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        defer { _ = http.shutdown() }

        return try await withThrowingTaskGroup(of: [Duration].self) { group in
            group.addTask {
                try await server.run()
                return []
            }
            guard let port = await server.port() else { throw BenchmarkError(description: "the server did not start") }
            let clock = ContinuousClock()
            let start = clock.now
            let latencies = try await withThrowingTaskGroup(of: [Duration].self) { lanes in
                for lane in 0..<concurrency {
                    lanes.addTask {
                        var latencies: [Duration] = []
                        for index in stride(from: lane, to: requests, by: concurrency) {
                            let (path, body) = bodies[index % bodies.count]
                            var request = HTTPClientRequest(url: "https://127.0.0.1:\(port)\(path)")
                            request.method = .POST
                            request.headers.add(name: "Content-Type", value: "application/json")
                            request.body = .bytes(ByteBuffer(bytes: body))
                            let began = clock.now
                            let response = try await http.execute(request, timeout: .seconds(10))
                            _ = try await response.body.collect(upTo: 1 << 20)
                            guard response.status == .ok else { throw BenchmarkError(description: "HTTP \(response.status.code) for \(path)") }
                            latencies.append(clock.now - began)
                        }
                        return latencies
                    }
                }
                return try await lanes.reduce(into: [Duration]()) { $0 += $1 }
            }
            let wall = clock.now - start
            group.cancelAll()
            return (wall, latencies)
        }
    }

    private static func report(_ label: String, count: Int, wall: Duration, latencies: [Duration]) {
        let sorted = latencies.sorted()
        let percentile = { (p: Double) -> String in
            guard !sorted.isEmpty else { return "-" }
            let index = min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)
            return Measure.format(Measure.seconds(sorted[max(0, index)]) * 1e6, digits: 0) + " µs"
        }
        let seconds = Measure.seconds(wall)
        print("admission \(label): \(count) reviews in \(Measure.format(seconds, digits: 3)) s  "
            + "\(Measure.format(Double(count) / seconds)) reviews/s  p50 \(percentile(0.5))  p99 \(percentile(0.99))")
    }

    /// A denied, a warned and an allowed Microservice, and a denied Deployment, as request bodies.
    private static func reviewBodies() throws(BenchmarkError) -> [(String, [UInt8])] {
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples")
        var bodies: [(String, [UInt8])] = []
        for (file, mode) in [("checklist-demo/legacy-billing.yaml", "enforce"), ("checklist-demo/legacy-billing.yaml", "warn"),
                             ("shop/order-service.yaml", nil)] as [(String, String?)] {
            let path = examples.appendingPathComponent(file).path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                  var object = (try? SourceReader.objects(in: text, file: path))?.first?.value
            else { throw BenchmarkError(description: "cannot read \(path) (run from the repository)") }
            if let mode { object["spec"]?["checklist"] = ["mode": .string(mode)] }
            bodies.append(("/validate-microservice", review(object, group: "shipshape.dev", version: "v1alpha1", kind: "Microservice")))
        }
        let deployment: JSONValue = [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web", "namespace": "demo"],
            "spec": [
                "replicas": 1, "selector": ["matchLabels": ["app": "web"]],
                "template": ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "web", "image": "nginx:latest"]]]],
            ],
        ]
        bodies.append(("/validate-workload", review(deployment, group: "apps", version: "v1", kind: "Deployment")))
        return bodies
    }

    private static func review(_ object: JSONValue, group: String, version: String, kind: String) -> [UInt8] {
        let review: JSONValue = [
            "apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
            "request": [
                "uid": "bench", "kind": ["group": .string(group), "version": .string(version), "kind": .string(kind)],
                "namespace": "demo", "operation": "CREATE", "object": object,
            ],
        ]
        return Array(review.jsonText().utf8)
    }
}
