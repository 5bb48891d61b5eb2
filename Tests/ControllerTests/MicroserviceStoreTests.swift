import Foundation
import KubeModel
import OperatorRuntime
import ShipshapeAPI
import Testing
@testable import Controller

/// The cache keeps Microservices as compact text (`CachedMicroservice`): what the reconciler
/// reads back must be the Microservice the informer stored, status included.
@Suite struct MicroserviceStoreTests {
    static func microservice(resourceVersion: String, observedGeneration: Int?) throws -> Microservice {
        var object: JSONValue = [
            "apiVersion": "shipshape.dev/v1alpha1", "kind": "Microservice",
            "metadata": ["name": "web", "namespace": "shop", "uid": "0b6f-web", "generation": 3, "resourceVersion": .string(resourceVersion),
                         "labels": ["team": "checkout"]],
            "spec": [
                "image": "registry.example.com/shop/web:1.4.2",
                "ports": [["name": "http", "port": 8080]],
                "dependsOn": [["service": "orders", "ports": [8080]]],
                "secrets": [["env": "DATABASE_URL", "secret": "web-db", "key": "url"]],
            ],
        ]
        if let observedGeneration {
            object["status"] = ["observedGeneration": .integer(observedGeneration),
                                "conditions": [["type": "Ready", "status": "False", "reason": "RollingOut", "message": "1/2 replicas ready",
                                                "lastTransitionTime": "2026-12-03T07:00:00Z"]]]
        }
        return try JSONValueDecoder().decode(Microservice.self, from: object)
    }

    @Test func aCachedMicroserviceReadsBackAsStored() throws {
        let stored = try Self.microservice(resourceVersion: "41", observedGeneration: 3)
        let cached = try #require(CachedMicroservice(stored))
        #expect(cached.value == stored)
        #expect(cached.resourceVersion == "41")
        #expect(cached.observedGeneration == 3)
        #expect(try CachedMicroservice(Self.microservice(resourceVersion: "41", observedGeneration: nil))?.observedGeneration == nil)
    }

    @Test func writeThroughOnlyReplacesTheVersionTheWriteReplaced() throws {
        let writer = StoreWriter<CachedMicroservice>()
        let store = MicroserviceStore(writer.store)
        let writeThrough = ClusterCache.WriteThrough(microservices: writer, children: [:])
        let listed = try Self.microservice(resourceVersion: "41", observedGeneration: nil)
        writer.set(ObjectKey(namespace: "shop", name: "web"), try #require(CachedMicroservice(listed)))
        #expect(store.withStatusCount == 0)
        let written = try Self.microservice(resourceVersion: "42", observedGeneration: 3)
        writeThrough.wroteStatus(written, of: listed)
        #expect(store.get(ObjectKey(namespace: "shop", name: "web")) == written)
        #expect(store.withStatusCount == 1)
        // The watch delivered a later version meanwhile: a stale write does not replace it.
        writeThrough.wroteStatus(try Self.microservice(resourceVersion: "43", observedGeneration: 2), of: listed)
        #expect(store.get(ObjectKey(namespace: "shop", name: "web"))?.metadata.resourceVersion == "42")
        #expect(store.values().map(\.key) == ["shop/web"])
    }

    /// A user changed the spec while the reconcile ran: the status apply's answer shows the new
    /// spec (generation 4), and caching it would hide that change from the watch's handler (the
    /// dependency index and the queue), as dropping a `dependsOn` would never reach its target.
    @Test func aStatusAnswerWithANewerSpecIsLeftToTheWatch() throws {
        let writer = StoreWriter<CachedMicroservice>()
        let store = MicroserviceStore(writer.store)
        let writeThrough = ClusterCache.WriteThrough(microservices: writer, children: [:])
        let reconciled = try Self.microservice(resourceVersion: "41", observedGeneration: nil)
        writer.set(ObjectKey(namespace: "shop", name: "web"), try #require(CachedMicroservice(reconciled)))
        var answer = try Self.microservice(resourceVersion: "43", observedGeneration: 3)
        answer.metadata.generation = 4
        answer.spec.dependsOn = nil
        writeThrough.wroteStatus(answer, of: reconciled)
        #expect(store.get(ObjectKey(namespace: "shop", name: "web")) == reconciled)
    }
}
