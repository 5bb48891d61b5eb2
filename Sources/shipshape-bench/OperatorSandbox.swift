import Controller
import Dispatch
import Foundation
import KubeClient
import KubeModel
import KubeSandbox
import Logging
import OperatorRuntime
import Render
import ShipshapeAPI

/// The KubeSandbox the `operator` case runs against, in a process of its own so the operator's
/// memory is measured without the sandbox's: `shipshape-bench operator-sandbox` seeds it with
/// generated Microservices (and, with `--children seeded`, their rendered children, as a
/// converged cluster holds them), prints `ready <url> <token>`, then answers `requests` (the
/// requests and writes since the last `clear`) and `clear` on standard input until it closes.
enum OperatorSandbox: Benchmark {
    static let name = "operator-sandbox"
    static let summary = "[--count 1000] [--namespace-size 100] [--children operator|seeded]: the sandbox `operator` starts as its own process"

    /// Whether the operator creates the children or finds them already there.
    enum Children: String {
        case operator_ = "operator"
        case seeded
    }

    static func run(_ options: BenchmarkOptions) async throws(BenchmarkError) {
        let count = try options.count("count", default: 1000)
        let namespaceSize = try options.count("namespace-size", default: 100)
        guard let children = Children(rawValue: options.string("children") ?? "operator") else {
            throw BenchmarkError(description: "--children takes operator or seeded")
        }
        do {
            try await serve(count: count, namespaceSize: namespaceSize, children: children)
        } catch {
            throw BenchmarkError(description: "\(error)")
        }
    }

    private static func serve(count: Int, namespaceSize: Int, children: Children) async throws {
        var quiet = Logger(label: "bench")
        quiet.logLevel = .critical
        // The operator alone is measured: no Deployment controller making ReplicaSets and Pods.
        var options = SandboxOptions(historyLimit: 200_000, controllers: false)
        // One Service per Microservice: more than the API server's default /24 holds.
        options.serviceNetwork = ServiceNetwork(cidr: "10.0.0.0/16") ?? .default
        try await KubeSandbox.withRunning(options) { sandbox in
            let client = try KubernetesClient(configuration: ClientConfiguration(server: sandbox.url, credentials: .token(sandbox.adminToken)), logger: quiet)
            try await seed(client, count: count, namespaceSize: namespaceSize, children: children)
            await sandbox.clearRequests()
            say("ready \(sandbox.url) \(sandbox.adminToken)")
            while let command = await nextLine() {
                switch command {
                case "requests":
                    let requests = await sandbox.requests()
                    say("\(requests.count) \(requests.filter(\.isWrite).count)")
                case "clear":
                    await sandbox.clearRequests()
                    say("ok")
                default:
                    say("unknown command \(command)")
                }
            }
        }
    }

    private static func seed(_ client: KubernetesClient, count: Int, namespaceSize: Int, children: Children) async throws {
        var microservices = MicroserviceGenerator(namespaceSize: namespaceSize).generate(count)
        for index in microservices.indices { microservices[index].spec.checklist = ChecklistSettings(mode: .warn) }
        _ = try await client.resource(.customResourceDefinitions).create(try CustomResourceDefinition.microservices())
        for namespace in Set(microservices.map(\.namespace)) {
            _ = try await client.resource(.namespaces).create(["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(namespace)]])
        }
        let bodies = try microservices.map { try JSONValueEncoder().encode($0) }
        let created = try await inParallel(bodies) { body in
            try await client.resource(.microservices, namespace: body["metadata"]?["namespace"]?.stringValue).create(body)
        }
        guard children == .seeded else { return }
        var uids: [String: String] = [:]
        for object in created {
            guard let metadata = object["metadata"], let uid = metadata["uid"]?.stringValue else { continue }
            uids[object.objectKey.description] = uid
        }
        let rendered = Renderer(ownerUIDs: uids).render(microservices).objects
        _ = try await inParallel(rendered) { object in
            guard let kind = ChildKind(rawValue: object.kind) else { return JSONValue.null }
            return try await client.resource(kind.resource, namespace: object.namespace).create(ChildComparison.stamped(object.value))
        }
    }

    /// `body` on every element, eight at a time; the results in order.
    private static func inParallel<Element: Sendable>(_ elements: [Element], _ body: @escaping @Sendable (Element) async throws -> JSONValue)
        async throws -> [JSONValue] {
        try await withThrowingTaskGroup(of: (Int, JSONValue).self) { group in
            var results = [JSONValue](repeating: .null, count: elements.count)
            var next = 0
            func start() {
                guard next < elements.count else { return }
                let index = next, element = elements[index]
                next += 1
                group.addTask { (index, try await body(element)) }
            }
            for _ in 0..<8 { start() }
            while let (index, result) = try await group.next() {
                results[index] = result
                start()
            }
            return results
        }
    }

    private static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// A line of standard input, read on a thread outside Swift's cooperative pool; nil at its end.
    private static func nextLine() async -> String? {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: readLine()) }
        }
    }
}

/// The `operator-sandbox` process, seen from the `operator` case.
final class SandboxProcess: @unchecked Sendable {
    let url: String
    let token: String
    private let process: Process
    private let input: FileHandle
    private let output: FileHandle

    /// Starts this executable's `operator-sandbox` case with `arguments` and waits until it is seeded.
    init(arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = ["operator-sandbox"] + arguments
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        self.process = process
        self.input = input.fileHandleForWriting
        self.output = output.fileHandleForReading
        let ready = Self.readLine(self.output)?.split(separator: " ").map(String.init) ?? []
        guard ready.count == 3, ready[0] == "ready" else {
            process.terminate()
            throw BenchmarkError(description: "the sandbox process did not start (\(ready.joined(separator: " ")))")
        }
        url = ready[1]
        token = ready[2]
    }

    /// The requests (and the writes among them) since the last `clearRequests()`.
    func requests() async -> (total: Int, writes: Int) {
        let answer = await ask("requests").split(separator: " ").compactMap { Int($0) }
        return answer.count == 2 ? (answer[0], answer[1]) : (0, 0)
    }

    func clearRequests() async { _ = await ask("clear") }

    /// Closes its input, which ends it, and waits for it.
    func stop() {
        try? input.close()
        process.waitUntilExit()
    }

    private func ask(_ command: String) async -> String {
        input.write(Data((command + "\n").utf8))
        let output = self.output
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Self.readLine(output) ?? "") }
        }
    }

    /// One line, read byte by byte (the process answers one line per command; nothing is read ahead).
    private static func readLine(_ handle: FileHandle) -> String? {
        var bytes: [UInt8] = []
        while true {
            guard let byte = try? handle.read(upToCount: 1), let first = byte.first else {
                return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
            }
            if first == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(first)
        }
    }
}
