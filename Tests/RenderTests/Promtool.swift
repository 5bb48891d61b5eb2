import Foundation
import KubeModel
import Testing

/// The real Prometheus tooling (`promtool`, Debian's `prometheus` package; scripts/install-deps
/// installs it). Its absence fails the tests that need it: they never skip.
enum Promtool {
    struct Result {
        let status: Int32
        let output: String
    }

    /// `promtool` on PATH.
    static var executable: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("promtool") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs promtool with `arguments` in `directory`, waiting for it to exit.
    static func run(_ arguments: [String], in directory: URL) throws -> Result {
        let promtool = try #require(executable, "promtool is not on PATH: run scripts/install-deps (apt package prometheus)")
        let process = Process()
        process.executableURL = promtool
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// A fresh temporary directory holding `files` (name → contents).
    static func directory(with files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shipshape-promtool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return directory
    }

    /// A PrometheusRule's `spec.groups` as a Prometheus rule file.
    static func ruleFile(of prometheusRule: JSONValue) -> String {
        JSONValue.object(["groups": prometheusRule["spec"]?["groups"] ?? []]).yamlText()
    }
}
