import Checklist
import Foundation
import KubeModel

/// Audits the mixed corpus as `shipshape audit -o json` does (read, check, JSON report), then a
/// multi-document stream of `--stream-megabytes` read document by document, then whole, with the
/// peak memory of each (the first run's peak is the lower; freed memory stays with the process). `--write PATH` also saves the corpus, to run other tools on the same file.
enum CorpusBenchmark: Benchmark {
    static let name = "corpus"
    static let summary = "[--documents 500] [--rounds 20] [--stream-megabytes 50] [--write PATH]: audit a realistic mixed corpus, then a large stream"

    static func run(_ options: BenchmarkOptions) throws(BenchmarkError) {
        let documents = try options.count("documents", default: 500)
        let rounds = try options.count("rounds", default: 20)
        let megabytes = try options.count("stream-megabytes", default: 50)
        let text = MixedCorpus.text(documents: documents)
        if let path = options.string("write") {
            guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
                throw BenchmarkError(description: "cannot write \(path)")
            }
        }

        // The corpus: the first round includes any one-time set-up, so report the best and the first.
        var timings: [Double] = []
        var summary = ""
        for _ in 0..<rounds {
            let (outcome, duration) = Measure.time { Result { () throws(SourceError) in try audit(text, file: "corpus.yaml") } }
            do { summary = try outcome.get() } catch { throw BenchmarkError(description: "corpus does not read: \(error)") }
            timings.append(Measure.seconds(duration))
        }
        let best = timings.min() ?? 0
        let count = MixedCorpus.documentCount(text)
        print("corpus: \(count) documents, \(text.utf8.count / 1024) KiB of YAML (\(summary))")
        print("  audit     best \(Measure.format(best * 1000, digits: 1)) ms, first \(Measure.format((timings.first ?? 0) * 1000, digits: 1)) ms"
            + " of \(rounds) rounds  \(Measure.format(Double(count) / best)) documents/s")
        print("  peak RSS  \(Measure.peakResidentMemory())")

        // The stream: the corpus repeated to the size asked, each copy in namespaces of its own.
        let stream = streamText(from: text, megabytes: megabytes)
        let streamMiB = Double(stream.utf8.count) / 1_048_576
        print("stream: \(MixedCorpus.documentCount(stream)) documents, \(Measure.format(streamMiB, digits: 1)) MiB of YAML, held in memory as a file's text is")
        Measure.resetPeakResidentMemory()
        let (split, splitTime) = Measure.time { Result { () throws(SourceError) in try auditDocumentByDocument(stream) } }
        do { summary = try split.get() } catch { throw BenchmarkError(description: "stream does not read: \(error)") }
        print("  per doc   \(Measure.format(Measure.seconds(splitTime), digits: 2)) s (\(summary)); peak RSS \(Measure.peakResidentMemory())")
        Measure.resetPeakResidentMemory()
        let (whole, wholeTime) = Measure.time { Result { () throws(SourceError) in try audit(stream, file: "stream.yaml") } }
        do { summary = try whole.get() } catch { throw BenchmarkError(description: "stream does not read: \(error)") }
        print("  whole     \(Measure.format(Measure.seconds(wholeTime), digits: 2)) s (\(summary)); peak RSS \(Measure.peakResidentMemory())")
    }

    /// Reads every document, checks them together and renders the JSON report; returns a summary.
    private static func audit(_ text: String, file: String) throws(SourceError) -> String {
        let sources = try SourceReader.objects(in: text, file: file)
        let result = Checklist().check(objects: sources.map(\.value))
        let report = result.formatted(as: .json) { ref in ref.inputIndex.flatMap { sources.indices.contains($0) ? sources[$0].origin : nil } }
        return "\(sources.count) objects, \(result.reports.count) workloads, \(result.findings.count) findings, \(report.utf8.count / 1024) KiB report"
    }

    /// Reads and checks one document at a time, keeping only the counts: what judging a stream
    /// document by document costs in memory (workloads lose the Services and PDBs beside them).
    private static func auditDocumentByDocument(_ text: String) throws(SourceError) -> String {
        var objects = 0, workloads = 0, findings = 0
        var document = 0
        for piece in text.split(separator: "\n---\n", omittingEmptySubsequences: true) {
            document += 1
            let sources = try SourceReader.objects(in: String(piece), file: "stream.yaml#\(document)")
            let result = Checklist().check(objects: sources.map(\.value))
            objects += sources.count
            workloads += result.reports.count
            findings += result.findings.count
        }
        return "\(objects) objects, \(workloads) workloads, \(findings) findings"
    }

    private static func streamText(from corpus: String, megabytes: Int) -> String {
        let target = megabytes * 1_048_576
        var stream = ""
        stream.reserveCapacity(target + corpus.utf8.count)
        var copy = 0
        while stream.utf8.count < target {
            // Distinct namespaces per copy, as a real multi-team dump has.
            stream += corpus.replacingOccurrences(of: "namespace: ", with: "namespace: c\(copy)-")
            copy += 1
        }
        return stream
    }
}
