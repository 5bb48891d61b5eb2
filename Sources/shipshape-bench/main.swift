// Benchmarks, run in release mode: `swift run -c release shipshape-bench audit [count]`.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "audit":
    runAuditBenchmark(count: arguments.dropFirst().first.flatMap { Int($0) } ?? 10_000)
default:
    print("usage: shipshape-bench audit [object-count]")
}
