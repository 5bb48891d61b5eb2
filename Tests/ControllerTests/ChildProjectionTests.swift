import Foundation
import KubeModel
import OperatorRuntime
import Render
import ShipshapeAPI
import Testing
@testable import Controller

/// The cache keeps children projected and compacted (`CachedChild`): the reconciler must still
/// see every field it compares, so a hand edit of any field Shipshape sets triggers a correction.
@Suite struct ChildProjectionTests {
    /// Every kind of child: autoscaling, a disruption budget, dependencies, probes, variables,
    /// secrets, and the extension kinds (SLO alerts, a ServiceMonitor, Istio's mTLS objects).
    static func desiredChildren() throws -> [JSONValue] {
        let microservice = try JSONValueDecoder().decode(Microservice.self, from: [
            "apiVersion": "shipshape.dev/v1alpha1", "kind": "Microservice",
            "metadata": ["name": "web", "namespace": "shop", "uid": "0b6f-web"],
            "spec": [
                "image": "registry.example.com/shop/web:1.4.2",
                "ports": [["name": "http", "port": 8080], ["name": "metrics", "port": 9090]],
                "env": [["name": "LOG_LEVEL", "value": "info"]],
                "secrets": [["env": "DATABASE_URL", "secret": "web-db", "key": "url"]],
                "resources": ["requests": ["cpu": "250m", "memory": "128Mi"], "limits": ["memory": "256Mi"]],
                "probes": ["readiness": ["http": ["path": "/ready", "port": "http"]], "liveness": ["http": ["path": "/healthz", "port": "http"]]],
                "autoscaling": ["maxReplicas": 6, "cpuUtilization": 70],
                "availability": ["minAvailable": 1],
                "dependsOn": [["cidr": "10.20.0.0/16", "ports": [5432]]],
                "observability": ["metrics": ["port": "metrics"]],
                "slo": ["availability": ["objective": 99.9, "window": "30d"], "latency": ["objective": 99, "thresholdMs": 250]],
                "mesh": ["mtls": "strict"],
            ],
        ])
        let objects = Renderer(ownerUIDs: [microservice.key: "0b6f-web"], extensions: ExtensionOptions(served: Set(ExtensionKind.allCases)))
            .render([microservice]).objects.map(\.value)
        #expect(Set(objects.compactMap { $0["kind"]?.stringValue }) == Set(ChildKind.allCases.map(\.rawValue)))
        return objects
    }

    /// `desired` as the API server returns it once applied: metadata the server sets, managedFields,
    /// a default and a status (with the timestamps and messages the cache drops).
    static func served(_ desired: JSONValue) -> JSONValue {
        var value = ChildComparison.stamped(desired)
        var metadata = value["metadata"]?.objectValue ?? [:]
        metadata["uid"] = "5e1c-child"
        metadata["resourceVersion"] = "1042"
        metadata["generation"] = 3
        metadata["creationTimestamp"] = "2026-01-02T03:04:05Z"
        metadata["managedFields"] = [["manager": "shipshape", "operation": "Apply", "fieldsType": "FieldsV1", "fieldsV1": ["f:spec": [:]]]]
        value["metadata"] = .object(metadata)
        if var spec = value["spec"]?.objectValue {
            spec["progressDeadlineSeconds"] = 600
            value["spec"] = .object(spec)
        }
        value["status"] = [
            "observedGeneration": 3, "replicas": 2, "updatedReplicas": 2, "readyReplicas": 1, "availableReplicas": 1,
            "conditions": [["type": "Available", "status": "False", "reason": "MinimumReplicasUnavailable",
                            "message": "Deployment does not have minimum availability.", "lastUpdateTime": "2026-01-02T03:04:05Z"]],
        ]
        return value
    }

    @Test func aConvergedChildReadBackFromTheCacheIsUpToDate() throws {
        for desired in try Self.desiredChildren() {
            let cached = CachedChild(Self.served(desired))
            #expect(ChildComparison.isUpToDate(desired: desired, observed: cached.value), "\(desired["kind"] ?? .null)")
            #expect(cached.owner == ObjectKey(namespace: "shop", name: "web"))
            #expect(cached.resourceVersion == "1042")
        }
    }

    @Test func anEditOfAnyFieldShipshapeSetsIsStillSeenThroughTheCache() throws {
        for desired in try Self.desiredChildren() {
            let served = Self.served(desired)
            let leaves = Self.leaves(of: ChildComparison.stamped(desired))
            #expect(leaves.count > 5)
            for path in leaves {
                let edited = Self.editing(served, at: path[...])
                #expect(!ChildComparison.isUpToDate(desired: desired, observed: CachedChild(edited).value),
                        "an edit of \(desired["kind"] ?? .null) \(path) is missed")
            }
        }
    }

    @Test func theProjectionDropsWhatNoReaderReads() throws {
        for desired in try Self.desiredChildren() {
            let value = CachedChild(Self.served(desired)).value
            let kind = desired["kind"]?.stringValue
            #expect(value["metadata"]?["managedFields"] == nil)
            #expect(value["metadata"]?["uid"]?.stringValue == "5e1c-child")
            #expect(value["spec"] == Self.served(desired)["spec"])
            if kind == ChildKind.deployment.rawValue {
                #expect(value["status"]?["readyReplicas"]?.intValue == 1)
                #expect(value["status"]?["conditions"] == [["type": "Available", "status": "False", "reason": "MinimumReplicasUnavailable"]])
            } else {
                #expect(value["status"] == nil)
            }
        }
    }

    @Test func theMicroservicesStatusIsTheSameFromTheProjectedDeployment() throws {
        let deployment = try #require(try Self.desiredChildren().first { $0["kind"]?.stringValue == ChildKind.deployment.rawValue })
        let served = Self.served(deployment)
        func status(_ value: JSONValue) -> MicroserviceStatus {
            let observation = StatusBuilder.Observation(
                generation: 1, deploymentStatus: value["status"], deploymentGeneration: value["metadata"]?["generation"]?.intValue,
                checklist: ChecklistStatus(summary: "17/17", passed: 17, failed: 0), blockedByChecklist: false, applyError: nil,
                children: [])
            return StatusBuilder().status(previous: nil, observation: observation, now: Date(timeIntervalSince1970: 1_700_000_000))
        }
        #expect(status(CachedChild(served).value) == status(served))
    }

    @Test func theStoreFindsAMicroservicesChildrenByTheirOwner() throws {
        let writer = StoreWriter<CachedChild>()
        let store = ChildStore(writer.store)
        let children = try Self.desiredChildren().filter { $0["kind"]?.stringValue == ChildKind.service.rawValue }
        let service = Self.served(try #require(children.first))
        writer.set(service.objectKey, CachedChild(service))
        let stranger: JSONValue = ["apiVersion": "v1", "kind": "Service", "metadata": ["name": "other", "namespace": "shop"]]
        writer.set(stranger.objectKey, CachedChild(stranger))
        #expect(Array(store.objects(in: "shop", ownedBy: ObjectKey(namespace: "shop", name: "web")).keys) == ["web"])
        #expect(store.get(namespace: "shop", name: "other")?["metadata"]?["name"]?.stringValue == "other")
        #expect(store.count == 2)
    }

    @Test func writeThroughHoldsOnlyWhileTheCacheHasTheVersionTheWriteReplaced() throws {
        let writer = StoreWriter<CachedChild>()
        let store = ChildStore(writer.store)
        let writeThrough = ClusterCache.WriteThrough(microservices: StoreWriter(), children: [.service: writer])
        let children = try Self.desiredChildren().filter { $0["kind"]?.stringValue == ChildKind.service.rawValue }
        let service = Self.served(try #require(children.first))   // resourceVersion 1042
        var applied = service
        applied["metadata"]?["resourceVersion"] = "1043"
        writeThrough.wrote(.service, service, replacing: nil)
        writeThrough.wrote(.service, applied, replacing: "999")   // the watch moved on meanwhile
        let key = ObjectKey(namespace: "shop", name: "web")
        #expect(store.compact.get(key)?.resourceVersion == "1042")
        writeThrough.wrote(.service, applied, replacing: "1042")
        #expect(store.compact.get(key)?.resourceVersion == "1043")
        writeThrough.deleted(.service, key, replacing: "1042")
        #expect(store.count == 1)
        writeThrough.deleted(.service, key, replacing: "1043")
        #expect(store.count == 0)
        writeThrough.wrote(.deployment, service, replacing: nil)   // a kind it holds no writer of: nothing
    }

    /// The paths of every scalar below `value`.
    static func leaves(of value: JSONValue) -> [[PathStep]] {
        switch value {
        case .object(let object): return object.flatMap { member in leaves(of: member.value).map { [.key(member.key)] + $0 } }
        case .array(let array): return array.indices.flatMap { index in leaves(of: array[index]).map { [.index(index)] + $0 } }
        default: return [[]]
        }
    }

    enum PathStep { case key(String), index(Int) }

    /// `value` with the scalar at `path` changed (a string suffixed, a number plus one, a boolean flipped).
    static func editing(_ value: JSONValue, at path: ArraySlice<PathStep>) -> JSONValue {
        switch (path.first, value) {
        case (.key(let key)?, .object(var object)):
            object[key] = object[key].map { editing($0, at: path.dropFirst()) }
            return .object(object)
        case (.index(let index)?, .array(var array)) where array.indices.contains(index):
            array[index] = editing(array[index], at: path.dropFirst())
            return .array(array)
        case (nil, .string(let string)): return .string(string + "-edited")
        case (nil, .integer(let number)): return .integer(number + 1)
        case (nil, .number(let number)): return .number(number + 1)
        case (nil, .bool(let flag)): return .bool(!flag)
        default: return value
        }
    }
}
