import KubeModel

/// Writes an audit report in pieces, object by object as they are judged, so a long audit never
/// holds its whole report: `object(_:sources:)` gives each judged object's text (and counts it),
/// `laterObject(_:sources:)` the text of an object that goes after all of those (Microservices,
/// whose reports follow the workloads'), `skipped(_:sources:)` each skipped object's entry in
/// the skipped list, `heading` what comes before the objects and `ending` what follows them
/// (invalid documents, the skipped list, the summary). Heading + objects + later objects +
/// ending, with the skipped entries in their place, is byte for byte
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
    /// Array elements written so far (JSON's objects, SARIF's results), to place the commas:
    /// by `object(_:sources:)` and by `laterObject(_:sources:)`.
    private var elements = 0, laterElements = 0
    /// Entries written to the skipped list so far.
    private var skippedEntries = 0

    public init(format: ReportFormat, color: Bool = false) {
        self.format = format
        self.color = color
    }

    /// Whether `heading` depends on the objects (JUnit's counts, SARIF's run with its skipped
    /// notifications before its results), so it is written last and the objects are held until then.
    public var headingNeedsTotals: Bool { format == .junit || format == .sarif }

    /// The text before the objects. `unjudged` carries the invalid inputs and the skipped
    /// kinds' counts (its reports and skipped objects are not read: those come one by one);
    /// for `headingNeedsTotals` formats, call it after the last object and skipped entry.
    public func heading(_ unjudged: AuditResult, sources: @escaping SourceLookup) -> ReportPart {
        switch format {
        case .table: return ReportPart(before: "")
        case .json: return ReportPart(before: JSONReport.heading)
        case .sarif: return SARIFReport(sources: sources).heading(skippedEntries: skippedEntries)
        case .junit: return ReportPart(before: JUnitReport(sources: sources).heading(unjudged, totals: totals, skippedEntries: skippedEntries))
        }
    }

    /// The text of one judged object, counted in `totals`.
    public mutating func object(_ report: ObjectReport, sources: @escaping SourceLookup) -> String {
        let text = object(report, sources: sources, after: elements)
        elements += elementCount(of: report)
        return text
    }

    /// The text of one judged object that goes after every object given to
    /// `object(_:sources:)` (in the order given here), counted in `totals`. It is written as if
    /// an element came before it: when none did, the first `laterSeparatorExcess` bytes of all
    /// the later objects' text are to be dropped (JSON's and SARIF's leading comma).
    public mutating func laterObject(_ report: ObjectReport, sources: @escaping SourceLookup) -> String {
        let text = object(report, sources: sources, after: laterElements + 1)
        laterElements += elementCount(of: report)
        return text
    }

    /// Bytes to drop from the start of the later objects' text: the comma before the first
    /// array element, when no object before them wrote an element.
    public var laterSeparatorExcess: Int {
        (format == .json || format == .sarif) && elements == 0 && laterElements > 0 ? 1 : 0
    }

    private mutating func object(_ report: ObjectReport, sources: @escaping SourceLookup, after count: Int) -> String {
        totals.add(report)
        switch format {
        case .table: return TableReport(sources: sources, color: color).object(report)
        case .json: return JSONReport(sources: sources).object(report, first: count == 0)
        case .sarif: return SARIFReport(sources: sources).results(report.allFindings, after: count)
        case .junit: return JUnitReport(sources: sources).suite(report)
        }
    }

    /// Array elements an object adds: one JSON object, a SARIF result per finding.
    private func elementCount(of report: ObjectReport) -> Int {
        switch format {
        case .json: return 1
        case .sarif: return report.allFindings.count
        case .table, .junit: return 0
        }
    }

    /// The entry of one object not judged in the skipped list, in input order; empty where
    /// the format counts it without listing it (a workload judged through its owner, outside JSON).
    public mutating func skipped(_ skipped: SkippedObject, sources: @escaping SourceLookup) -> String {
        guard format == .json || !skipped.judgedThroughOwner else { return "" }
        defer { skippedEntries += 1 }
        switch format {
        case .table: return TableReport(sources: sources, color: color).skipped(skipped)
        case .json: return JSONReport(sources: sources).skipped(skipped, position: skippedEntries)
        case .sarif: return SARIFReport(sources: sources).skippedNotification(skipped, position: skippedEntries)
        case .junit: return JUnitReport(sources: sources).skippedCase(skipped)
        }
    }

    /// The text after the objects: invalid inputs, skipped objects (except SARIF's, in its
    /// heading), the summary. `unjudged` as for `heading`.
    public func ending(_ unjudged: AuditResult, sources: @escaping SourceLookup) -> ReportPart {
        let elements = self.elements + laterElements
        switch format {
        case .table: return TableReport(sources: sources, color: color).ending(unjudged, totals: totals, skippedEntries: skippedEntries)
        case .json: return JSONReport(sources: sources).ending(unjudged, totals: totals, skippedEntries: skippedEntries)
        case .sarif: return ReportPart(before: SARIFReport(sources: sources).ending(unjudged, after: elements))
        case .junit: return JUnitReport(sources: sources).ending(unjudged, skippedEntries: skippedEntries)
        }
    }
}

/// A report's heading or ending, and the place of the skipped list's entries in it when the
/// list is in this part: `before`, the entries `ReportWriter.skipped(_:sources:)` gave, `afterSkipped`.
public struct ReportPart: Sendable, Hashable {
    public let before: String
    /// What follows the skipped entries; nil when the skipped list is not in this part.
    public let afterSkipped: String?

    init(before: String, afterSkipped: String? = nil) {
        self.before = before
        self.afterSkipped = afterSkipped
    }

    /// The whole part, with `skipped` (the entries' text) in its place.
    public func text(skipped: String) -> String {
        before + (afterSkipped.map { skipped + $0 } ?? "")
    }
}

extension AuditResult {
    /// This result without its reports: what a `ReportWriter`'s heading and ending are given.
    public var unjudged: AuditResult {
        AuditResult(reports: [], skippedKinds: skippedKinds, skipped: skipped, invalidInputs: invalidInputs)
    }
}
