import Foundation
import KubeClient
import KubeModel
import Testing

@Suite("shipshape run as a process", .serialized)
struct ProcessTests {
    /// The `shipshape` binary built beside the test bundle.
    static func binary() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("shipshape"),
            Bundle.main.bundleURL.appendingPathComponent("shipshape"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("shipshape"),
        ]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw HarnessError.timeout("the shipshape binary near \(candidates[0].path)")
        }
        return found
    }

    @Test("SIGTERM drains, releases the Lease and exits 0")
    func sigterm() async throws {
        try await Harness.withSandbox { harness in
            let run = try OperatorProcess.start(against: harness.sandbox, arguments: [
                "--metrics-address", "127.0.0.1:0", "--leader-elect", "--lease-namespace", "shop", "--identity", "process-1",
                "--log-format", "json", "--concurrency", "2",
            ])
            defer { run.stop() }
            let (process, logs) = (run.process, run.logs)

            try await harness.create(Fixtures.microservice("hello"))
            try await eventually("the process reconciles", timeout: .seconds(30)) { try await harness.get(.deployments, "hello") != nil }
            let lease = try await harness.get(.leases, "shipshape-operator")
            #expect(lease?["spec"]?["holderIdentity"]?.stringValue == "process-1")

            process.terminate()   // SIGTERM
            var iterator = run.exited.makeAsyncIterator()
            let status = await iterator.next()
            #expect(status == 0)
            #expect(process.terminationReason == .exit)
            let released = try await harness.get(.leases, "shipshape-operator")
            #expect(released?["spec"]?["holderIdentity"]?.stringValue == nil, "the Lease is released on the way out")
            let output = String(decoding: logs.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let lines = output.split(separator: "\n").compactMap { try? JSONValue(parsingJSON: String($0)) }
            #expect(!lines.isEmpty, "JSON logs: \(output.prefix(500))")
            #expect(lines.contains { $0["object"]?.stringValue == "shop/hello" && $0["reconcileID"] != nil })
            #expect(lines.contains { $0["msg"]?.stringValue == "stopped" })
        }
    }
}
