import Foundation
import KubeSandbox

/// The real `kubectl` on PATH, run against a sandbox through a kubeconfig of its own (an admin
/// client certificate in system:masters) with an empty HOME, so no cache or config leaks in.
struct Kubectl {
    struct Run {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// `kubectl` from PATH; nil when it is not installed.
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("kubectl") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// The repository root, where `CRDs/` and `Examples/` are.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let directory: URL
    let kubeconfig: URL

    init(_ sandbox: KubeSandbox) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubectl-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        kubeconfig = directory.appendingPathComponent("kubeconfig")
        try sandbox.kubeconfig(.clientCertificate(user: "admin", groups: ["system:masters"]))
            .write(to: kubeconfig, atomically: true, encoding: .utf8)
    }

    /// Writes `text` to a file in the test's directory and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Runs `kubectl arguments` in the repository root and waits for it to exit.
    func callAsFunction(_ arguments: String..., environment: [String: String] = [:]) async throws -> Run {
        guard let executable = Self.executable else { throw KubectlError(description: "kubectl is not on PATH") }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var variables = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "KUBECONFIG": kubeconfig.path,
                         "HOME": directory.path, "KUBECTL_INTERACTIVE_DELETE": "false"]
        variables.merge(environment) { $1 }
        process.environment = variables
        process.currentDirectoryURL = Self.root
        process.standardInput = FileHandle.nullDevice
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let exited = AsyncStream<Int32> { continuation in
            process.terminationHandler = { process in
                continuation.yield(process.terminationStatus)
                continuation.finish()
            }
        }
        try process.run()
        async let stdout = Self.drain(output.fileHandleForReading)
        async let stderr = Self.drain(error.fileHandleForReading)
        let (outputData, errorData) = await (stdout, stderr)
        var statuses = exited.makeAsyncIterator()
        let status = await statuses.next() ?? process.terminationStatus
        return Run(status: status, standardOutput: String(decoding: outputData, as: UTF8.self),
                   standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// Reads until end of file on a thread of its own, so a blocking read cannot starve the
    /// sandbox kubectl is talking to.
    private static func drain(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: (try? handle.readToEnd()) ?? Data()) }.start()
        }
    }
}

struct KubectlError: Error, CustomStringConvertible {
    let description: String
}
