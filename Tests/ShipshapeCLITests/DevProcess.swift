import Foundation
import Synchronization

/// `shipshape dev` running in the background: its output collected as it comes, waited on for a
/// line with a deadline, stopped with a signal.
final class DevProcess: Sendable {
    private let process: Process
    private let output = Mutex("")
    private let errors = Mutex("")
    private let exitStatus: AsyncStream<Int32>

    /// Starts `shipshape dev arguments` in the repository root.
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        guard let executable = CLIRun.executable else { throw CLIRunError("the shipshape executable was not found beside the tests") }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["dev"] + arguments
        var variables = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1",
                         "HOME": NSTemporaryDirectory() + "shipshape-cli-home-" + UUID().uuidString]
        variables.merge(environment) { $1 }
        process.environment = variables
        process.currentDirectoryURL = CLI.root
        process.standardInput = FileHandle.nullDevice
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        let (statuses, continuation) = AsyncStream.makeStream(of: Int32.self)
        process.terminationHandler = { process in
            continuation.yield(process.terminationStatus)
            continuation.finish()
        }
        self.process = process
        self.exitStatus = statuses
        try process.run()
        collect(stdout.fileHandleForReading, errors: false)
        collect(stderr.fileHandleForReading, errors: true)
    }

    /// The process id, to signal it directly (kill -9 with no grace).
    var processIdentifier: Int32 { process.processIdentifier }

    var standardOutput: String { output.withLock { $0 } }
    var standardError: String { errors.withLock { $0 } }

    /// Waits until standard output contains `text`, for at most `timeout`.
    func waitForOutput(_ text: String, timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        while !standardOutput.contains(text) {
            guard process.isRunning, ContinuousClock.now < deadline else {
                throw CLIRunError("no \"\(text)\" from shipshape dev; stdout:\n\(standardOutput)\nstderr:\n\(standardError)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Sends `signal` and returns the exit status, or nil when it has not exited within `timeout`
    /// (then it is killed).
    func stop(_ signal: Int32 = SIGINT, timeout: Duration = .seconds(30)) async -> Int32? {
        kill(process.processIdentifier, signal)
        let statuses = exitStatus
        let status = await withTaskGroup(of: Int32?.self) { group in
            group.addTask {
                var iterator = statuses.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        if status == nil { kill(process.processIdentifier, SIGKILL) }
        return status
    }

    /// Appends what `handle` yields to the output (or errors) until end of file, on a thread of its own.
    private func collect(_ handle: FileHandle, errors: Bool) {
        Thread { [self] in
            while true {
                let data = handle.availableData
                if data.isEmpty { return }
                let text = String(decoding: data, as: UTF8.self)
                if errors { self.errors.withLock { $0 += text } } else { output.withLock { $0 += text } }
            }
        }.start()
    }
}
