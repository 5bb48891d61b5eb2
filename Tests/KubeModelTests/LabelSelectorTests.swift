import KubeModel
import Testing

@Suite struct LabelSelectorTests {
    let labels = ["app": "web", "tier": "front", "replicas": "3"]

    @Test("matchLabels and every expression must hold; {} selects everything")
    func matching() throws {
        let selector = try #require(LabelSelector(json: [
            "matchLabels": ["app": "web"],
            "matchExpressions": [
                ["key": "tier", "operator": "In", "values": ["front", "edge"]],
                ["key": "legacy", "operator": "DoesNotExist"],
                ["key": "zone", "operator": "NotIn", "values": ["eu"]],
                ["key": "replicas", "operator": "In", "values": [3]],
            ],
        ]))
        #expect(selector.matches(labels))
        #expect(!selector.matches(["app": "web", "tier": "back", "replicas": "3"]))
        #expect(!selector.matches(labels.merging(["legacy": "yes"]) { $1 }))
        #expect(!selector.matches(labels.merging(["zone": "eu"]) { $1 }))
        #expect(selector.matches(labels: ["app": "web", "tier": "front", "replicas": 3]))
        let everything = try #require(LabelSelector(json: [:]))
        #expect(everything.isEmpty && everything.matches([:]))
    }

    @Test("a malformed selector reads as nil; a Service's empty map selects no pods")
    func malformedAndServiceSelectors() {
        #expect(LabelSelector(json: ["matchExpressions": [["key": "a", "operator": "Like"]]]) == nil)
        #expect(LabelSelector(json: ["matchExpressions": [["operator": "Exists"]]]) == nil)
        #expect(LabelSelector(json: "app=web") == nil)
        #expect(LabelSelector(serviceSelector: [:]) == nil)
        #expect(LabelSelector(serviceSelector: nil) == nil)
        #expect(LabelSelector(serviceSelector: ["app": "web"])?.matches(labels) == true)
        #expect(LabelSelector(serviceSelector: ["app": "api"])?.matches(labels) == false)
    }
}
