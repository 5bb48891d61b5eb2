import Foundation

/// One run of the built `shipshape` binary.
struct CLIRun {
    var status: Int32
    var standardOutput: String
    var standardError: String

    /// The `shipshape` executable SwiftPM built beside this test bundle.
    static let executable: URL? = {
        let candidates = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])]
            .compactMap { $0?.deletingLastPathComponent() }
        for directory in candidates + candidates.map({ $0.deletingLastPathComponent() }) {
            let binary = directory.appendingPathComponent("shipshape")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        return nil
    }()

    /// Runs `shipshape arguments` in the repository root with `environment` added (HOME is an
    /// empty directory unless given), feeding `stdin` if given, and waits for it to exit, reading
    /// its output as it comes so pipes never fill. `program`, when given, runs instead of
    /// `shipshape` (kubectl, for one).
    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
                    program: URL? = nil) async throws -> CLIRun {
        guard let executable = program ?? executable else { throw CLIRunError("the shipshape executable was not found beside the tests") }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var variables = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1",
                         "HOME": NSTemporaryDirectory() + "shipshape-cli-home-" + UUID().uuidString]
        variables.merge(environment) { $1 }
        process.environment = variables
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.currentDirectoryURL = CLI.root
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        let exited = AsyncStream<Int32> { continuation in
            process.terminationHandler = { process in
                continuation.yield(process.terminationStatus)
                continuation.finish()
            }
        }
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        async let stdout = drain(output.fileHandleForReading)
        async let stderr = drain(error.fileHandleForReading)
        let (outputData, errorData) = await (stdout, stderr)
        var statuses = exited.makeAsyncIterator()
        let status = await statuses.next() ?? process.terminationStatus
        return CLIRun(status: status, standardOutput: String(decoding: outputData, as: UTF8.self),
                      standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// Everything `handle` yields until end of file, read on a thread of its own: a blocking
    /// read on the concurrency pool could starve the sandbox the binary is talking to.
    private static func drain(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: (try? handle.readToEnd()) ?? Data()) }.start()
        }
    }
}

struct CLIRunError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
