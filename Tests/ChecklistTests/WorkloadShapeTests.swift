import Checklist
import KubeModel
import Testing

/// A workload too malformed to judge is reported, never scored as if its containers passed.
@Suite struct WorkloadShapeTests {
    static func problems(_ yaml: String) throws -> [String] {
        let object = try #require(try SourceReader.objects(in: yaml, file: "w.yaml").first)
        return Checklist.shapeProblems(of: object.value).map(\.description)
    }

    @Test func wellFormedWorkloadsAndOtherKindsHaveNone() throws {
        #expect(try Self.problems("kind: Deployment\nspec: {template: {spec: {containers: [{name: a, image: a:1}]}}}\n") == [])
        #expect(try Self.problems("kind: CronJob\nspec: {jobTemplate: {spec: {template: {spec: {containers: [{name: a}]}}}}}\n") == [])
        #expect(try Self.problems("kind: Pod\nspec: {containers: [{name: a}], initContainers: [{name: b}]}\n") == [])
        #expect(try Self.problems("kind: ConfigMap\ndata: {a: b}\n") == [])
    }

    @Test func malformedContainersAreNamed() throws {
        #expect(try Self.problems("kind: Deployment\nspec: {template: {spec: {containers: nope}}}\n")
                == ["spec.template.spec.containers: must be a list of containers, not string"])
        #expect(try Self.problems("kind: Deployment\nspec: {template: {spec: {containers: []}}}\n")
                == ["spec.template.spec.containers: must not be empty"])
        #expect(try Self.problems("kind: StatefulSet\nspec: {template: {spec: {}}}\n")
                == ["spec.template.spec.containers: is required"])
        #expect(try Self.problems("kind: Job\nspec: {}\n") == ["spec.template.spec: is required"])
        #expect(try Self.problems("kind: Pod\nspec: {containers: [{image: x}, 7], initContainers: {}}\n") == [
            "spec.containers[0].name: is required",
            "spec.containers[1]: must be a container (an object), not integer",
            "spec.initContainers: must be a list of containers, not object",
        ])
    }
}
