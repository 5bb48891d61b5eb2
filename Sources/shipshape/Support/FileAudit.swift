import Checklist
import Foundation
import KubeModel
import ShipshapeAPI

/// `shipshape audit` of files, directories and `-`, read, judged and reported document by
/// document so memory stays flat with the input's length: each file is read a piece at a time
/// (`SourceStream`), each report and skipped object is written out (`ReportOutput`) as soon as
/// it is judged, and what is kept of a document is what later reports need: the context
/// objects workloads are judged with, with the lines of their first fields (findings point
/// there). Workloads are judged with the whole input as context (a Service at the end
/// of a dump selects a Deployment at its start): the first `heldWorkloads` are held until every
/// document is read; past them, the input is read a second time to judge the rest (standard
/// input is copied to an unlinked temporary file as it is read, for that second reading).
struct FileAudit {
    /// Workloads held in the first reading (a few MiB of values); more make a second reading.
    static let heldWorkloads = 1_000
    /// How deep the lines of a context object are kept: every field the rules point at in one
    /// (`spec.minReplicas` of an HPA, `spec.mtls.mode` of a PeerAuthentication).
    static let contextLineDepth = 3

    private let checklist: Checklist
    private let strict: Bool
    private let output: ReportOutput
    private var split = SourceSplit([])
    private var context = AuditContext()
    /// The skipped kinds' counts (no reports; the skipped objects go to `output` as they come).
    private var unjudged = AuditResult(reports: [])
    /// The sources of context objects, by input index.
    private var sources: [Int: any SourceLocating] = [:]
    private var held: [(value: JSONValue, origin: SourceOrigin, index: Int)] = []
    /// The input index of the first workload not held, judged in the second reading.
    private var firstDeferred: Int?
    private var nextIndex = 0

    /// Reads, judges and reports `paths` in `format` on standard output; with `strict`, any
    /// unreadable document or workload that breaks the schema refuses the whole input (every
    /// problem in the error, nothing on standard output) instead. Returns the report's totals
    /// and the inputs that could not be read or judged.
    static func run(_ paths: [String], checklist: Checklist, strict: Bool, format: ReportFormat, color: Bool)
        throws(CLIError) -> (totals: ReportTotals, invalidInputs: [InputProblem])
    {
        let output = ReportOutput(format: format, color: color, holdingEverything: strict)
        var audit = FileAudit(checklist: checklist, strict: strict, output: output)
        let inputs = AuditFiles(paths)
        inputs.read(object: { audit.take($0) }, problem: { audit.split.problems.append($0) })
        if strict, !audit.split.problems.isEmpty {
            throw CLIError.invalidInput(audit.split.problems.map(\.description))
        }
        audit.judgeHeld()
        if audit.firstDeferred != nil, let failure = inputs.readAgain(object: { audit.judgeDeferred($0) }) {
            audit.split.problems.append(failure)
        }
        if strict, !audit.split.problems.isEmpty {
            throw CLIError.invalidInput(audit.split.problems.map(\.description))
        }
        let sources = audit.sources
        audit.unjudged.invalidInputs = audit.split.problems
        try output.finish(audit.unjudged) { ref in ref.inputIndex.flatMap { sources[$0] } }
        return (output.totals, audit.split.problems)
    }

    private init(checklist: Checklist, strict: Bool, output: ReportOutput) {
        self.checklist = checklist
        self.strict = strict
        self.output = output
    }

    /// The first reading: each object is judged (Microservices, whose reports follow every
    /// workload's), kept as context, listed as skipped, held (workloads, up to `heldWorkloads`)
    /// or left for the second reading.
    private mutating func take(_ object: SourceObject) {
        let index = nextIndex
        nextIndex += 1
        split.add(object, refusing: strict ? checklist.schemaProblems : { _ in [] })
        if let microservice = split.microservices.popLast() {
            let report = checklist.check(microservice.value, inputIndex: index)
            output.laterObject(report, sources: lookup(index, ResolvedSource(microservice.origin, for: report)))
            return
        }
        guard let object = split.others.popLast() else { return }
        switch checklist.role(of: object.value, inputIndex: index) {
        case .skipped(let skip, let tally):
            unjudged.skippedKinds[tally, default: 0] += 1
            output.skipped(skip, sources: lookup(index, ResolvedSource(object.origin)))
        case .context:
            context.add(object.value, inputIndex: index)
            sources[index] = object.origin.pruned(depth: Self.contextLineDepth)
        case .workload:
            if firstDeferred == nil, held.count < Self.heldWorkloads {
                held.append((object.value, object.origin, index))
            } else if firstDeferred == nil {
                firstDeferred = index
            }
        }
    }

    private mutating func judgeHeld() {
        for workload in held { judge(workload.value, origin: workload.origin, index: workload.index) }
        held = []
        nextIndex = 0
    }

    /// The second reading: the same objects in the same order, so the same input indexes;
    /// only the workloads not held are judged.
    private mutating func judgeDeferred(_ object: SourceObject) {
        let index = nextIndex
        nextIndex += 1
        guard let firstDeferred, index >= firstDeferred, !MicroserviceReader.isMicroservice(object),
              case .workload = checklist.role(of: object.value, inputIndex: index),
              !strict || checklist.schemaProblems(of: object.value).isEmpty
        else { return }
        judge(object.value, origin: object.origin, index: index)
    }

    /// Judges one workload and writes its report, its own lines read from `origin` (the lines
    /// of context objects its findings point into, from `sources`).
    private mutating func judge(_ value: JSONValue, origin: SourceOrigin, index: Int) {
        guard let report = checklist.check(workload: value, inputIndex: index, context: context) else { return }
        output.object(report, sources: lookup(index, origin))
    }

    /// The sources of a report on the object at input `index`: `source` for it, the context
    /// objects' for the objects its findings point into.
    private func lookup(_ index: Int, _ source: any SourceLocating) -> SourceLookup {
        let sources = self.sources
        return { ref in ref.inputIndex == index ? source : ref.inputIndex.flatMap { sources[$0] } }
    }
}
