import Foundation

/// One benchmark case: `shipshape-bench <name> [--option value ...]`.
protocol Benchmark {
    /// The case name on the command line.
    static var name: String { get }
    /// One line for the usage text, options included.
    static var summary: String { get }
    /// Runs the case, printing its figures (synchronous cases satisfy this too).
    static func run(_ options: BenchmarkOptions) async throws(BenchmarkError)
}

/// A mistake on the command line.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
}

/// `--name value` options.
struct BenchmarkOptions {
    private var values: [String: String] = [:]

    init(_ arguments: [String]) throws(BenchmarkError) {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            guard flag.hasPrefix("--"), let value = rest.popFirst() else {
                throw BenchmarkError(description: "expected --option value, found \"\(flag)\"")
            }
            values[String(flag.dropFirst(2))] = value
        }
    }

    /// A text option, or nil when absent.
    func string(_ name: String) -> String? { values[name] }

    /// A positive integer option, or `fallback` when absent.
    func count(_ name: String, default fallback: Int) throws(BenchmarkError) -> Int {
        guard let text = values[name] else { return fallback }
        guard let value = Int(text), value > 0 else {
            throw BenchmarkError(description: "--\(name) takes a positive integer, not \"\(text)\"")
        }
        return value
    }
}

/// Dispatches to a case by name; exit status 0, or 2 for a usage error.
struct BenchmarkRunner {
    let benchmarks: [any Benchmark.Type]

    func run(_ arguments: [String]) async -> Int32 {
        guard let name = arguments.first, let benchmark = benchmarks.first(where: { $0.name == name }) else {
            let cases = benchmarks.map { "  \($0.name) \($0.summary)" }.joined(separator: "\n")
            FileHandle.standardError.write(Data("usage: shipshape-bench <case> [options]\n\(cases)\n".utf8))
            return 2
        }
        do {
            try await benchmark.run(try BenchmarkOptions(Array(arguments.dropFirst())))
            return 0
        } catch {
            FileHandle.standardError.write(Data("shipshape-bench \(name): \(error)\n".utf8))
            return 2
        }
    }
}

/// Timing and memory readings.
enum Measure {
    /// The result of `body` and the wall-clock time it took.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        return (result, clock.now - start)
    }

    /// Peak resident memory (VmHWM from /proc/self/status), or "unknown" where there is none.
    static func peakResidentMemory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return "unknown" }
        return format(kilobytes / 1024, digits: 1) + " MiB"
    }

    /// Starts peak resident memory afresh (Linux: writing 5 to clear_refs resets VmHWM), so the
    /// next reading covers only what runs after; does nothing where that is unsupported.
    static func resetPeakResidentMemory() {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return }
        handle.write(Data("5".utf8))
        try? handle.close()
    }

    static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    static func format(_ value: Double, digits: Int = 0) -> String {
        String(format: "%.\(digits)f", value)
    }
}
