import KubeModel
import Testing
@testable import Controller

/// The cache keeps object texts deflated against a typical object of their kind: they read back
/// exactly, objects alike take a fraction of their text, and equality is the texts' equality.
@Suite struct DeflatedJSONTests {
    static func deployment(_ name: String) -> String {
        let object: JSONValue = [
            "apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": ["name": .string(name), "namespace": "shop", "labels": ["app.kubernetes.io/name": .string(name),
                                                                             "app.kubernetes.io/managed-by": "shipshape"]],
            "spec": ["replicas": 2, "selector": ["matchLabels": ["app.kubernetes.io/name": .string(name)]],
                     "template": ["spec": ["containers": [["name": .string(name), "image": .string("registry.example.com/shop/\(name):1.0"),
                                                           "resources": ["requests": ["cpu": "100m", "memory": "128Mi"]],
                                                           "terminationMessagePath": "/dev/termination-log"]]]]],
        ]
        return object.jsonText()
    }

    @Test func textsReadBackExactlyAndObjectsAlikeTakeAFraction() throws {
        let kind = "DeflatedJSONTests.Deployment"
        let first = DeflatedJSON(Self.deployment("web"), kind: kind)
        let second = DeflatedJSON(Self.deployment("checkout-api"), kind: kind)
        #expect(String(decoding: first.utf8, as: UTF8.self) == Self.deployment("web"))
        #expect(String(decoding: second.utf8, as: UTF8.self) == Self.deployment("checkout-api"))
        #expect(second.storedCount * 3 < Self.deployment("checkout-api").utf8.count)
    }

    @Test func equalTextsAreEqualAndOthersAreNot() {
        let kind = "DeflatedJSONTests.Equality"
        #expect(DeflatedJSON(Self.deployment("web"), kind: kind) == DeflatedJSON(Self.deployment("web"), kind: kind))
        #expect(DeflatedJSON(Self.deployment("web"), kind: kind) != DeflatedJSON(Self.deployment("api"), kind: kind))
        // Compressed against another kind's dictionary, or not at all: compared by their texts.
        #expect(DeflatedJSON(Self.deployment("web"), kind: kind) == DeflatedJSON(Self.deployment("web"), kind: kind + ".other"))
        #expect(DeflatedJSON("{}", kind: kind) == DeflatedJSON("{}", kind: kind + ".other"))
    }

    @Test func aCachedChildReadsBackItsProjection() throws {
        let text = Self.deployment("orders")
        let object = try JSONValue(parsingJSON: text)
        let cached = CachedChild(object)
        #expect(cached.value == ChildProjection.project(object))
        #expect(cached.storedCount < text.utf8.count)
    }
}
