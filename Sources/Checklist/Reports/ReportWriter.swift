import KubeModel

/// Writes an audit report in pieces, object by object as they are judged, so a long audit never
/// holds its whole report: `object(_:sources:)` gives each judged object's text (and counts it),
/// `heading` what comes before the objects and `ending` what follows them (invalid documents,
/// skipped objects, the summary). Heading + objects + ending is, byte for byte,
/// `AuditResult.formatted(as:sources:color:)` of the same result.
///
/// JUnit's counts and SARIF's skipped notifications come before the objects: for those formats
/// (`headingNeedsTotals`) the heading can only be written once every object has been, so the
/// objects' text must be held (spooled) until then.
public struct ReportWriter {
    public let format: ReportFormat
    private let color: Bool
    /// What the objects written so far add up to.
    public private(set) var totals = ReportTotals()
    /// Array elements written so far (JSON's objects, SARIF's results), to place the commas.
    private var elements = 0

    public init(format: ReportFormat, color: Bool = false) {
        self.format = format
        self.color = color
    }

    /// Whether `heading` depends on the objects (JUnit's counts, SARIF's run with its skipped
    /// notifications before its results), so it is written last and the objects are held until then.
    public var headingNeedsTotals: Bool { format == .junit || format == .sarif }

    /// The text before the objects. `unjudged` carries the invalid inputs and skipped objects
    /// (its reports are not read); for `headingNeedsTotals` formats, call it after the last object.
    public func heading(_ unjudged: AuditResult, sources: @escaping SourceLookup) -> String {
        switch format {
        case .table: return ""
        case .json: return JSONReport.heading
        case .sarif: return SARIFReport(sources: sources).heading(unjudged)
        case .junit: return JUnitReport(sources: sources).heading(unjudged, totals: totals)
        }
    }

    /// The text of one judged object, counted in `totals`.
    public mutating func object(_ report: ObjectReport, sources: @escaping SourceLookup) -> String {
        totals.add(report)
        switch format {
        case .table:
            return TableReport(sources: sources, color: color).object(report)
        case .json:
            defer { elements += 1 }
            return JSONReport(sources: sources).object(report, first: elements == 0)
        case .sarif:
            let findings = report.allFindings
            defer { elements += findings.count }
            return SARIFReport(sources: sources).results(findings, after: elements)
        case .junit:
            return JUnitReport(sources: sources).suite(report)
        }
    }

    /// The text after the objects: invalid inputs, skipped objects, the summary.
    public func ending(_ unjudged: AuditResult, sources: @escaping SourceLookup) -> String {
        switch format {
        case .table: return TableReport(sources: sources, color: color).ending(unjudged, totals: totals)
        case .json: return JSONReport(sources: sources).ending(unjudged, totals: totals)
        case .sarif: return SARIFReport(sources: sources).ending(unjudged, after: elements)
        case .junit: return JUnitReport(sources: sources).ending(unjudged)
        }
    }
}

extension AuditResult {
    /// This result without its reports: what a `ReportWriter`'s heading and ending are given.
    public var unjudged: AuditResult {
        AuditResult(reports: [], skippedKinds: skippedKinds, skipped: skipped, invalidInputs: invalidInputs)
    }
}
