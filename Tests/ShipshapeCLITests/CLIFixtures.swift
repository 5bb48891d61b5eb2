import Foundation

/// Paths and files the CLI tests use.
enum CLI {
    /// The repository root (for Examples/, CRDs/ and Deploy/); commands run here.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A temporary file holding `text`; the caller removes its directory.
    static func temporaryFile(_ text: String, name: String = "input.yaml") throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shipshape-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}
