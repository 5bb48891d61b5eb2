import Testing
@testable import OperatorRuntime

@Suite struct ObjectStoreTests {
    @Test("a relist of one namespace replaces only that namespace")
    func scopedReplace() {
        let store = ObjectStore<Int>()
        store.set(namespace: "a", name: "x", 1)
        store.set(namespace: "b", name: "y", 2)
        let old = store.replace(scope: "a", with: ["a/z": 3])
        #expect(old == ["a/x": 1])
        #expect(store.all() == ["a/z": 3, "b/y": 2])
        store.replace(scope: nil, with: [:])
        #expect(store.count == 0)
    }

    @Test("the reference index answers who refers to what, following changes")
    func referenceIndex() {
        let index = ReferenceIndex()
        index.set("shop/web", targets: ["shop/orders", "shop/catalog"])
        index.set("shop/orders", targets: ["shop/catalog"])
        #expect(index.sources(of: "shop/catalog") == ["shop/orders", "shop/web"])
        index.set("shop/web", targets: ["shop/orders"])
        #expect(index.sources(of: "shop/catalog") == ["shop/orders"])
        #expect(index.sources(of: "shop/orders") == ["shop/web"])
        index.set("shop/orders", targets: [])
        #expect(index.sources(of: "shop/catalog") == [])
    }
}
