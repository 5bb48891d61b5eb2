import Testing
@testable import OperatorRuntime

@Suite struct ObjectStoreTests {
    @Test("a relist of one namespace replaces only that namespace")
    func scopedReplace() {
        let store = ObjectStore<Int>()
        let ax = ObjectKey(namespace: "a", name: "x"), az = ObjectKey(namespace: "a", name: "z"), by = ObjectKey(namespace: "b", name: "y")
        store.set(ax, 1)
        store.set(by, 2)
        let old = store.replace(scope: "a", with: [az: 3])
        #expect(old == [ax: 1])
        #expect(store.all() == [az: 3, by: 2])
        store.replace(scope: nil, with: [:])
        #expect(store.count == 0)
    }

    @Test("the reference index answers who refers to what, following changes")
    func referenceIndex() {
        let index = ReferenceIndex<ObjectKey>()
        let web = ObjectKey(namespace: "shop", name: "web"), orders = ObjectKey(namespace: "shop", name: "orders")
        let catalog = ObjectKey(namespace: "shop", name: "catalog")
        index.set(web, targets: [orders, catalog])
        index.set(orders, targets: [catalog])
        #expect(index.sources(of: catalog) == [orders, web])
        index.set(web, targets: [orders])
        #expect(index.sources(of: catalog) == [orders])
        #expect(index.sources(of: orders) == [web])
        index.set(orders, targets: [])
        #expect(index.sources(of: catalog) == [])
    }

    @Test("a key reads as namespace/name, or the bare name when cluster-scoped, and sorts by namespace then name")
    func keyText() {
        #expect(ObjectKey(namespace: "shop", name: "web").description == "shop/web")
        #expect(ObjectKey(namespace: "", name: "shipshape-system").description == "shipshape-system")
        #expect(ObjectKey(namespace: "a", name: "z") < ObjectKey(namespace: "b", name: "a"))
        #expect(ObjectKey(namespace: "", name: "a/b") != ObjectKey(namespace: "a", name: "b"))
    }
}
