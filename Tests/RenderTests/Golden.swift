import Foundation
import KubeModel
import ShipshapeAPI
import Testing

/// Golden files: compared, or written (and the test failed, so the diff gets reviewed) when
/// the environment sets `SHIPSHAPE_RECORD=1`.
enum Golden {
    static let recordCommand = "SHIPSHAPE_RECORD=1 swift test --filter RenderTests"
    static var recording: Bool { ProcessInfo.processInfo.environment["SHIPSHAPE_RECORD"] == "1" }

    /// `Tests/Fixtures/render`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("render")

    /// Checks `actual` against the file; nil `actual` means the file must not exist.
    static func check(_ actual: String?, against file: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let relative = file.path.replacingOccurrences(of: root.path + "/", with: "")
        let expected = try? String(contentsOf: file, encoding: .utf8)
        if recording {
            if let actual {
                try actual.write(to: file, atomically: true, encoding: .utf8)
            } else if expected != nil {
                try FileManager.default.removeItem(at: file)
            } else {
                return
            }
            Issue.record("recorded \(relative): review the diff, then run the tests without SHIPSHAPE_RECORD", sourceLocation: sourceLocation)
            return
        }
        switch (expected, actual) {
        case (nil, nil): return
        case (nil, _?):
            Issue.record("\(relative) is missing; record it with `\(recordCommand)`", sourceLocation: sourceLocation)
        case (_?, nil):
            Issue.record("\(relative) exists but nothing was produced; re-record with `\(recordCommand)`", sourceLocation: sourceLocation)
        case let (expected?, actual?):
            if let difference = firstDifference(expected, actual) {
                Issue.record("\(relative) differs; if intended, re-record with `\(recordCommand)`\n\(difference)",
                             sourceLocation: sourceLocation)
            }
        }
    }

    /// The first differing line, numbered, or nil when equal.
    static func firstDifference(_ expected: String, _ actual: String) -> String? {
        guard expected != actual else { return nil }
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(want.count, got.count) {
            let line = { (lines: [Substring]) in index < lines.count ? "\"\(lines[index])\"" : "(end of text)" }
            if index >= want.count || index >= got.count || want[index] != got[index] {
                return "line \(index + 1):\n  expected: \(line(want))\n  actual:   \(line(got))"
            }
        }
        return "the texts differ only in line endings"
    }

    /// The Microservices of a YAML file, read strictly as the CLI reads them.
    static func microservices(in file: URL) throws -> [Microservice] {
        let text = try String(contentsOf: file, encoding: .utf8)
        return try SourceReader.objects(in: text, file: file.lastPathComponent).map { try MicroserviceReader.read($0) }
    }
}
