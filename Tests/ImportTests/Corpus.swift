import Foundation
import Import
import KubeModel
import Testing

/// The import corpus under `Tests/Fixtures/import`: manifests modelled on public demo
/// applications (written for these tests), and the golden output of importing each.
enum Corpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("import")
    /// The applications whose every Deployment must round trip.
    static let applications = ["boutique", "podinfo", "sockshop"]
    static let recordCommand = "SHIPSHAPE_RECORD=1 swift test --filter ImportTests"
    static var recording: Bool { ProcessInfo.processInfo.environment["SHIPSHAPE_RECORD"] == "1" }

    /// The objects of every YAML file in `directory`, sorted by file name.
    static func objects(in directory: String) throws -> [SourceObject] {
        let folder = root.appendingPathComponent(directory)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        return try files.flatMap { file in
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            return try SourceReader.objects(in: text, file: "\(directory)/\(file)")
        }
    }

    static func importing(_ directory: String, container: String? = nil) throws -> ImportResult {
        Importer(container: container).run(try objects(in: directory).map(ImportInput.init))
    }

    /// Compares `actual` with `golden/<name>.yaml`, or records it (failing, so the diff is reviewed).
    static func checkGolden(_ actual: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = root.appendingPathComponent("golden").appendingPathComponent("\(name).yaml")
        if recording {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("recorded golden/\(name).yaml: review the diff, then run without SHIPSHAPE_RECORD", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("golden/\(name).yaml is missing; record it with `\(recordCommand)`", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(want, got).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(want.count, got.count)
        let expectedLine = line < want.count ? String(want[line]) : "(end)"
        let actualLine = line < got.count ? String(got[line]) : "(end)"
        Issue.record(Comment(rawValue: "golden/\(name).yaml differs at line \(line + 1); if intended, re-record with `\(recordCommand)`\n"
            + "  expected: \(expectedLine)\n  actual:   \(actualLine)"), sourceLocation: sourceLocation)
    }
}
