import Foundation
import KubeSandbox

/// `shipshape run` started as a process against a sandbox, with its stderr (the logs) piped and
/// its exit status delivered on `exited`. The kubeconfig file goes away with `stop()`.
struct OperatorProcess {
    let process: Process
    let logs: Pipe
    let exited: AsyncStream<Int32>
    private let kubeconfig: String

    /// Starts `shipshape run --kubeconfig <sandbox's> <arguments>`.
    static func start(against sandbox: KubeSandbox, arguments: [String]) throws -> OperatorProcess {
        let kubeconfig = FileManager.default.temporaryDirectory.appendingPathComponent("shipshape-\(UUID().uuidString).yaml").path
        try sandbox.writeKubeconfig(to: kubeconfig)
        let process = Process()
        process.executableURL = try ProcessTests.binary()
        process.arguments = ["run", "--kubeconfig", kubeconfig] + arguments
        process.environment = ["HOME": NSTemporaryDirectory(), "PATH": "/usr/bin:/bin"]
        let logs = Pipe()
        process.standardError = logs
        process.standardOutput = FileHandle.nullDevice
        let exited = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { exited.continuation.yield($0.terminationStatus); exited.continuation.finish() }
        do {
            try process.run()
        } catch {
            try? FileManager.default.removeItem(atPath: kubeconfig)
            throw error
        }
        return OperatorProcess(process: process, logs: logs, exited: exited.stream, kubeconfig: kubeconfig)
    }

    /// Interrupts the process if it still runs and removes its kubeconfig.
    func stop() {
        if process.isRunning { process.interrupt() }
        try? FileManager.default.removeItem(atPath: kubeconfig)
    }
}
