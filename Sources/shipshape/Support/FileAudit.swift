import Checklist
import Foundation
import KubeModel
import ShipshapeAPI

/// `shipshape audit` of files, directories and `-`, read and judged document by document so
/// memory stays flat with the input's length: each file is read a piece at a time
/// (`SourceStream`), and what is kept of a document is what the report needs (the context
/// objects workloads are judged with, the findings, the lines they point at), not its text or
/// its values. Workloads are judged with the whole input as context (a Service at the end of a
/// dump selects a Deployment at its start): the first `heldWorkloads` are held until every
/// document is read; past them, the input is read a second time to judge the rest (standard
/// input is copied to an unlinked temporary file as it is read, for that second reading).
struct FileAudit {
    /// Workloads held in the first reading (a few MiB of values); more make a second reading.
    static let heldWorkloads = 1_000

    private let checklist: Checklist
    private let strict: Bool
    private var split = SourceSplit([])
    private var context = AuditContext()
    private var result = AuditResult(reports: [])
    private var microserviceReports: [ObjectReport] = []
    private var sources: [Int: any SourceLocating] = [:]
    private var held: [(value: JSONValue, origin: SourceOrigin, index: Int)] = []
    /// The input index of the first workload not held, judged in the second reading.
    private var firstDeferred: Int?
    private var nextIndex = 0

    /// Reads and judges `paths`; with `strict`, any unreadable document or workload that breaks
    /// the schema refuses the whole input (every problem in the error) instead.
    static func run(_ paths: [String], checklist: Checklist, strict: Bool) throws(CLIError) -> (result: AuditResult, sources: SourceLookup) {
        var audit = FileAudit(checklist: checklist, strict: strict)
        let inputs = AuditFiles(paths)
        inputs.read(object: { audit.take($0) }, problem: { audit.split.problems.append($0) })
        audit.judgeHeld()
        if audit.firstDeferred != nil, let failure = inputs.readAgain(object: { audit.judgeDeferred($0) }) {
            audit.split.problems.append(failure)
        }
        if strict, !audit.split.problems.isEmpty {
            throw CLIError.invalidInput(audit.split.problems.map(\.description))
        }
        audit.result.reports += audit.microserviceReports
        audit.result.invalidInputs = audit.split.problems
        let sources = audit.sources
        return (audit.result, { ref in ref.inputIndex.flatMap { sources[$0] } })
    }

    private init(checklist: Checklist, strict: Bool) {
        self.checklist = checklist
        self.strict = strict
    }

    /// The first reading: each object is judged (Microservices), kept as context, listed as
    /// skipped, held (workloads, up to `heldWorkloads`) or left for the second reading.
    private mutating func take(_ object: SourceObject) {
        let index = nextIndex
        nextIndex += 1
        split.add(object, refusing: strict ? Checklist.schemaProblems : { _ in [] })
        if let microservice = split.microservices.popLast() {
            let report = checklist.check(microservice.value, inputIndex: index)
            microserviceReports.append(report)
            sources[index] = ResolvedSource(microservice.origin, for: report)
            return
        }
        guard let object = split.others.popLast() else { return }
        switch checklist.role(of: object.value, inputIndex: index) {
        case .skipped(let skip, let tally):
            result.skippedKinds[tally, default: 0] += 1
            result.skipped.append(skip)
            sources[index] = ResolvedSource(object.origin)
        case .context:
            context.add(object.value, inputIndex: index)
            sources[index] = object.origin
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
              !strict || Checklist.schemaProblems(of: object.value).isEmpty
        else { return }
        judge(object.value, origin: object.origin, index: index)
    }

    private mutating func judge(_ value: JSONValue, origin: SourceOrigin, index: Int) {
        guard let report = checklist.check(workload: value, inputIndex: index, context: context) else { return }
        result.reports.append(report)
        sources[index] = ResolvedSource(origin, for: report)
    }
}
