import KubeModel
import OperatorRuntime
import ShipshapeAPI
import Testing

@testable import Controller

@Suite struct EnqueueMappingTests {
    func microservice(_ name: String, dependsOn: [String] = [], image: String = "r/x:1") -> Microservice {
        var spec = MicroserviceSpec(image: image)
        spec.dependsOn = dependsOn.isEmpty ? nil : dependsOn.map { Dependency(service: $0) }
        return Microservice(metadata: ObjectMeta(name: name, namespace: "shop"), spec: spec)
    }

    @Test("a child maps to its controller owner, else to its instance label")
    func childOwner() {
        let owned: JSONValue = ["metadata": ["namespace": "shop", "ownerReferences": [[
            "apiVersion": "shipshape.dev/v1alpha1", "kind": "Microservice", "name": "orders", "uid": "u", "controller": true,
        ]]]]
        #expect(EnqueueMapping.owner(ofChild: owned)?.description == "shop/orders")
        let labelled: JSONValue = ["metadata": ["namespace": "shop", "labels": [
            "app.kubernetes.io/managed-by": "shipshape", "app.kubernetes.io/instance": "catalog",
        ]]]
        #expect(EnqueueMapping.owner(ofChild: labelled)?.description == "shop/catalog")
        let foreign: JSONValue = ["metadata": ["namespace": "shop", "ownerReferences": [[
            "apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "x", "uid": "u", "controller": true,
        ]]]]
        #expect(EnqueueMapping.owner(ofChild: foreign) == nil)
    }

    @Test("a Microservice change enqueues itself and its dependencies before and after; a spec change its dependents too")
    func microserviceChange() {
        let old = microservice("orders", dependsOn: ["catalog"])
        let new = microservice("orders", dependsOn: ["payments"])
        let web = ObjectKey(namespace: "shop", name: "web")
        #expect(EnqueueMapping.keys(old: old, new: new, dependents: { _ in [web] }).map(\.description)
            == ["shop/orders", "shop/catalog", "shop/payments", "shop/web"])
        #expect(EnqueueMapping.keys(old: new, new: new, dependents: { _ in [web] }).map(\.description) == ["shop/orders", "shop/payments"])
        #expect(EnqueueMapping.keys(old: old, new: nil, dependents: { _ in [] }).map(\.description) == ["shop/orders", "shop/catalog"])
    }

    @Test("Secrets and ConfigMaps map to the Microservices that reference them; relists to what changed")
    func references() {
        var spec = MicroserviceSpec(image: "r/x:1")
        spec.secrets = [SecretReference(env: "URL", secret: "db", key: "url"), SecretReference(envFrom: "keys")]
        spec.configFrom = [ConfigSource(configMap: "settings")]
        let uses = Microservice(metadata: ObjectMeta(name: "a", namespace: "shop"), spec: spec)
        #expect(EnqueueMapping.references(uses).map(\.description) == ["Secret/shop/db", "Secret/shop/keys", "ConfigMap/shop/settings"])
        #expect(EnqueueMapping.changedKeys(old: ["a": 1, "b": 2, "c": 3], new: ["a": 1, "b": 5, "d": 4]).sorted() == ["b", "c", "d"])
    }
}
