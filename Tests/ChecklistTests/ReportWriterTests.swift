import KubeModel
import Testing
@testable import Checklist

/// A report written in pieces, in the order an audit of a stream meets them (skipped objects
/// and Microservices as they are read, workloads later), is the report built whole.
@Suite struct ReportWriterTests {
    /// The fixture's result with its workload twice, an invalid document, and a skipped
    /// ReplicaSet judged through its owner (listed in JSON only).
    static func result() throws -> (AuditResult, SourceLookup) {
        let fixture = try ReportFixture()
        var result = fixture.result
        result.reports += result.reports
        result.skipped.append(SkippedObject(object: ObjectRef(kind: "ReplicaSet", namespace: "shop", name: "orders-1"), apiVersion: "apps/v1",
                                            reason: "owned by a Deployment", judgedThroughOwner: true))
        result.invalidInputs = [InputProblem(file: "deploy/bad.yaml", document: 2, line: 7, message: "duplicate key \"name\"")]
        return (result, fixture.lookup)
    }

    /// `result` written with its first `leading` reports as objects and the rest as later
    /// objects, the skipped entries and later objects given before the objects.
    static func pieces(_ result: AuditResult, leading: Int, format: ReportFormat, sources: @escaping SourceLookup) -> String {
        var writer = ReportWriter(format: format)
        var skipped = "", later = "", objects = ""
        for object in result.skipped { skipped += writer.skipped(object, sources: sources) }
        for report in result.reports.dropFirst(leading) { later += writer.laterObject(report, sources: sources) }
        for report in result.reports.prefix(leading) { objects += writer.object(report, sources: sources) }
        let unjudged = result.unjudged
        return writer.heading(unjudged, sources: sources).text(skipped: skipped) + objects
            + String(decoding: later.utf8.dropFirst(writer.laterSeparatorExcess), as: UTF8.self)
            + writer.ending(unjudged, sources: sources).text(skipped: skipped)
    }

    @Test(arguments: ReportFormat.allCases)
    func piecesInStreamOrderAreTheWholeReport(format: ReportFormat) throws {
        let (result, sources) = try Self.result()
        let whole = result.formatted(as: format, sources: sources)
        #expect(!result.reports[0].findings.isEmpty, "SARIF has results to separate")
        for leading in 0...result.reports.count {
            #expect(Self.pieces(result, leading: leading, format: format, sources: sources) == whole, "\(leading) leading objects")
        }
        var empty = result
        empty.reports = []
        empty.skipped = []
        #expect(Self.pieces(empty, leading: 0, format: format, sources: sources) == empty.formatted(as: format, sources: sources))
    }

    @Test func onlyJSONListsWhatWasJudgedThroughItsOwner() throws {
        let (result, sources) = try Self.result()
        let json = try JSONValue(parsingJSON: result.formatted(as: .json, sources: sources))
        #expect(json["skipped"]?.arrayValue?.map { $0["kind"]?.stringValue ?? "" } == ["ConfigMap", "ReplicaSet"])
        let table = result.formatted(as: .table, sources: sources)
        #expect(table.contains("  skipped  deploy/my orders.yaml:"))
        #expect(!table.contains("ReplicaSet shop/orders-1"))
    }
}
