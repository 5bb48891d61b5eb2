import KubeModel
import Render
import ShipshapeAPI

/// Renders generated Microservices one namespace at a time (as `shipshape render` does with a
/// namespace's files), then serializes every object to YAML.
enum RenderBenchmark: Benchmark {
    static let name = "render"
    static let summary = "[--count 10000] [--namespace-size 50]: render generated Microservices, then print YAML"

    static func run(_ options: BenchmarkOptions) throws(BenchmarkError) {
        let count = try options.count("count", default: 10_000)
        let namespaceSize = try options.count("namespace-size", default: 50)
        let (microservices, generation) = Measure.time { MicroserviceGenerator(namespaceSize: namespaceSize).generate(count) }
        let namespaces = Dictionary(grouping: microservices, by: \.namespace).sorted { $0.key < $1.key }.map(\.value)

        let renderer = Renderer()
        let (outputs, rendering) = Measure.time { namespaces.map { renderer.render($0) } }
        let objects = outputs.reduce(0) { $0 + $1.objects.count }
        let warnings = outputs.reduce(0) { $0 + $1.warnings.count }
        let (bytes, serialization) = Measure.time { outputs.reduce(0) { $0 + $1.yamlText().utf8.count } }

        let renderSeconds = Measure.seconds(rendering), yamlSeconds = Measure.seconds(serialization)
        print("render: \(count) Microservices in \(namespaces.count) namespaces of \(namespaceSize) -> \(objects) objects, \(warnings) warnings")
        print("  generate  \(Measure.format(Measure.seconds(generation), digits: 3)) s (not counted)")
        print("  render    \(Measure.format(renderSeconds, digits: 3)) s  \(Measure.format(Double(count) / renderSeconds)) Microservices/s  "
            + "\(Measure.format(Double(objects) / renderSeconds)) objects/s")
        print("  yaml      \(Measure.format(yamlSeconds, digits: 3)) s  \(Measure.format(Double(objects) / yamlSeconds)) objects/s  "
            + "\(Measure.format(Double(bytes) / 1_048_576, digits: 1)) MiB (\(Measure.format(Double(bytes) / 1_048_576 / yamlSeconds, digits: 1)) MiB/s)")
        print("  total     \(Measure.format(renderSeconds + yamlSeconds, digits: 3)) s  "
            + "\(Measure.format(Double(count) / (renderSeconds + yamlSeconds))) Microservices/s end to end")
        print("  peak RSS  \(Measure.peakResidentMemory())")
    }
}
