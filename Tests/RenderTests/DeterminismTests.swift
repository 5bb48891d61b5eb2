import Foundation
import KubeModel
import ShipshapeAPI
import Testing
@testable import Render

@Suite struct DeterminismTests {
    private func shop() throws -> [Microservice] {
        try GoldenTests.inputs(of: "shop")
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        let input = try shop()
        #expect(Renderer().render(input).yamlText() == Renderer().render(input).yamlText())
    }

    @Test func dictionaryOrderNeverShows() throws {
        var input = try shop()
        // Dictionaries with the same contents, filled in opposite orders (and padded, so their
        // storage and iteration orders differ).
        let padding = (0..<64).map { ("Secret/other/filler-\($0)", "\($0)") }
        let versions = [("Secret/shop/order-db", "7"), ("ConfigMap/shop/shop-config", "9"), ("Secret/shop/order-tls", "3")] + padding
        let uids = input.map { ($0.key, "uid-\($0.name)") } + padding
        let forward = Renderer(ownerUIDs: Dictionary(uniqueKeysWithValues: uids),
                               referenceVersions: Dictionary(uniqueKeysWithValues: versions))
        let backward = Renderer(ownerUIDs: Dictionary(uniqueKeysWithValues: uids.reversed()),
                                referenceVersions: Dictionary(uniqueKeysWithValues: versions.reversed()))
        let expected = forward.render(input).yamlText()
        #expect(backward.render(input).yamlText() == expected)

        let labels = (0..<32).map { ("example.com/label-\($0)", "v\($0)") }
        input[0].metadata.labels = Dictionary(uniqueKeysWithValues: labels)
        let once = forward.render(input).yamlText()
        input[0].metadata.labels = Dictionary(uniqueKeysWithValues: labels.reversed())
        #expect(forward.render(input).yamlText() == once)
    }

    @Test func inputOrderChangesOnlyTheOrderOfObjects() throws {
        let input = try shop()
        let forward = Renderer().render(input).objects
        let backward = Renderer().render(input.reversed()).objects
        #expect(Set(forward) == Set(backward))
        #expect(forward.map { $0.value.yamlText() }.sorted() == backward.map { $0.value.yamlText() }.sorted())
    }
}
