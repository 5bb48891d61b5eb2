import Foundation

/// Runs an exec credential plugin on a thread of its own (never on the concurrency pool) and
/// parses what it prints.
struct ExecPluginRunner: Sendable {
    /// The environment the plugin inherits, before the stanza's own variables.
    var environment: [String: String]

    func run(_ config: ExecConfig) async throws(KubeError) -> ExecCredential {
        let executable = try locate(config)
        var env = environment
        for variable in config.env { env[variable.name] = variable.value }
        env["KUBERNETES_EXEC_INFO"] = ExecCredential.execInfo(for: config)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = config.args
        process.environment = env
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw KubeError.credentials("exec plugin \(config.command): cannot run: \(error.localizedDescription)")
        }
        let (status, stdout, stderr) = await Self.wait(for: process, output: output, errors: errors)
        guard status == 0 else {
            let detail = String(decoding: stderr.suffix(2000), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw KubeError.credentials("exec plugin \(config.command) exited with status \(status)" + (detail.isEmpty ? "" : ": \(detail)"))
        }
        return try ExecCredential(output: stdout, apiVersion: config.apiVersion, command: config.command)
    }

    /// Reads both pipes to the end (so a chatty plugin cannot block) and waits for the exit.
    private static func wait(for process: Process, output: Pipe, errors: Pipe) async -> (Int32, [UInt8], [UInt8]) {
        let box = ProcessBox(process)
        let stdoutHandle = output.fileHandleForReading
        let stderrHandle = errors.fileHandleForReading
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                let group = DispatchGroup()
                let stderrBytes = Locked<[UInt8]>([])
                DispatchQueue.global().async(group: group) {
                    let bytes = [UInt8](stderrHandle.readDataToEndOfFile())
                    stderrBytes.withLock { $0 = bytes }
                }
                let stdoutBytes = [UInt8](stdoutHandle.readDataToEndOfFile())
                group.wait()
                box.process.waitUntilExit()
                continuation.resume(returning: (box.process.terminationStatus, stdoutBytes, stderrBytes.withLock { $0 }))
            }
            thread.start()
        }
    }

    private func locate(_ config: ExecConfig) throws(KubeError) -> String {
        let hint = config.installHint.map { "\n\($0)" } ?? ""
        if config.command.contains("/") {
            guard FileManager.default.isExecutableFile(atPath: config.command) else {
                throw KubeError.credentials("exec plugin \(config.command) is not an executable file\(hint)")
            }
            return config.command
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(config.command)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw KubeError.credentials("exec plugin \(config.command) was not found in PATH\(hint)")
    }
}

/// Hands a started `Process` to the thread that waits for it.
private final class ProcessBox: @unchecked Sendable {
    let process: Process
    init(_ process: Process) { self.process = process }
}
