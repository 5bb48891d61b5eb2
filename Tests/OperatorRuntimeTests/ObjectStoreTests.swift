import Testing
@testable import OperatorRuntime

@Suite struct ObjectStoreTests {
    @Test("a relist of one namespace replaces only that namespace")
    func scopedReplace() {
        let writer = StoreWriter<Int>()
        let store = writer.store
        let ax = ObjectKey(namespace: "a", name: "x"), az = ObjectKey(namespace: "a", name: "z"), by = ObjectKey(namespace: "b", name: "y")
        writer.set(ax, 1)
        writer.set(by, 2)
        let old = writer.replace(scope: "a", with: [az: 3])
        #expect(old == [ax: 1])
        #expect(store.all() == [az: 3, by: 2])
        writer.replace(scope: nil, with: [:])
        #expect(store.count == 0)
    }

    @Test("a write-through lands only while the store holds the version the write replaced")
    func writeThrough() {
        let writer = StoreWriter<String>()   // the value is its own version here
        let key = ObjectKey(namespace: "shop", name: "web")
        let version: (String) -> String? = { $0 }
        #expect(writer.writeThrough(key, "1", replacing: nil, version: version))
        #expect(!writer.writeThrough(key, "3", replacing: "2", version: version))   // the watch is ahead
        #expect(writer.store.get(key) == "1")
        #expect(writer.writeThrough(key, "2", replacing: "1", version: version))
        #expect(!writer.writeThrough(key, nil, replacing: "1", version: version))
        #expect(writer.writeThrough(key, nil, replacing: "2", version: version))
        #expect(writer.store.count == 0 && writer.store.objects(in: "shop").isEmpty)
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
