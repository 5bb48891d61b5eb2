import Foundation

/// Every benchmark case. To add one: write a `Benchmark` type in its own file and list it here.
let benchmarks: [any Benchmark.Type] = [
    RenderBenchmark.self,
    AuditBenchmark.self,
    CorpusBenchmark.self,
    OperatorBenchmark.self,
    OperatorSandbox.self,
    ClientBenchmark.self,
    AdmissionBenchmark.self,
    FuzzYAMLBenchmark.self,
]

exit(await BenchmarkRunner(benchmarks: benchmarks).run(Array(CommandLine.arguments.dropFirst())))
