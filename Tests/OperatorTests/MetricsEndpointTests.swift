import Foundation
import KubeClient
import KubeModel
import Testing

/// `shipshape run`'s `/metrics`, scraped over HTTP as Prometheus scrapes it.
@Suite("shipshape run's /metrics", .serialized)
struct MetricsEndpointTests {
    @Test("/metrics exports shipshape_microservices{checklist} by checklist outcome")
    func microservicesByChecklistOutcome() async throws {
        try await Harness.withSandbox { harness in
            let run = try OperatorProcess.start(against: harness.sandbox, arguments: ["--metrics-address", "127.0.0.1:0", "--log-format", "json"])
            defer { run.stop() }

            // The bound port, from the log line the operator writes once /metrics listens.
            var port: Int?
            for await line in Self.lines(of: run.logs.fileHandleForReading) {
                let entry = try? JSONValue(parsingJSON: line)
                if entry?["msg"]?.stringValue == "serving /metrics, /healthz and /readyz" {
                    port = entry?["port"]?.stringValue.flatMap { Int($0) }
                    break
                }
            }
            let metricsPort = try #require(port, "the operator logs the port /metrics listens on")

            try await harness.create(Fixtures.microservice("hello"))
            try await harness.create(Fixtures.microservice("lax", extra: ["resources": .null]))
            let transport = try CurlTransport()
            var scraped = ""
            try await eventually("both outcomes on /metrics", timeout: .seconds(30)) {
                let response = try await transport.send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(metricsPort)/metrics"))
                scraped = String(decoding: response.body, as: UTF8.self)
                return response.status == 200 && scraped.contains(#"shipshape_microservices{checklist="passed"} 1.0"#)
                    && scraped.contains(#"shipshape_microservices{checklist="blocked"} 1.0"#)
            }
            #expect(scraped.contains(#"shipshape_microservices{checklist="failed"} 0.0"#), "\(scraped)")
            #expect(scraped.contains("# TYPE shipshape_microservices gauge"), "\(scraped)")

            run.process.terminate()
            var statuses = run.exited.makeAsyncIterator()
            #expect(await statuses.next() == 0)
        }
    }

    /// The lines written to `handle`, read on a thread of its own until end of file.
    static func lines(of handle: FileHandle) -> AsyncStream<String> {
        AsyncStream { continuation in
            Thread {
                var pending = Data()
                while case let chunk = handle.availableData, !chunk.isEmpty {
                    pending.append(chunk)
                    while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                        continuation.yield(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                        pending.removeSubrange(pending.startIndex...newline)
                    }
                }
                continuation.finish()
            }.start()
        }
    }
}
