import Controller
import KubeClient
import KubeModel
import Render
import ShipshapeAPI

/// Plans `shipshape diff` for one Microservice at a time: the live objects and what the API
/// server answers to dry runs of the writes the operator would make.
struct DiffPlanner {
    let client: KubernetesClient
    /// Every Microservice given, so NetworkPolicies are rendered with the graph they will have.
    let given: [Microservice]

    /// One object's live and would-be state (nil: absent).
    struct ObjectDiff {
        var name: String
        var live: JSONValue?
        var merged: JSONValue?

        /// `kubectl diff`'s output for it: headers and hunks; empty when equal.
        func diff() -> [String] {
            let old = live.map(Self.normalized).map { $0.yamlText() } ?? ""
            let new = merged.map(Self.normalized).map { $0.yamlText() } ?? ""
            let hunks = UnifiedDiff.hunks(Self.lines(old), Self.lines(new))
            guard !hunks.isEmpty else { return [] }
            return ["diff -u -N LIVE/\(name) MERGED/\(name)", "--- LIVE/\(name)", "+++ MERGED/\(name)"] + hunks
        }

        private static func lines(_ text: String) -> [Substring] {
            text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0).map { $0 }
        }

        /// Without what changes on every write or is not applied, keys sorted as kubectl diff prints them.
        static func normalized(_ object: JSONValue) -> JSONValue {
            var object = object
            for field in ["managedFields", "resourceVersion", "generation", "creationTimestamp"] { object["metadata"]?[field] = nil }
            object["status"] = nil
            return sorted(object)
        }

        private static func sorted(_ value: JSONValue) -> JSONValue {
            switch value {
            case .object(let object):
                return .object(JSONObject(object.keys.sorted().compactMap { key in object[key].map { (key, sorted($0)) } }))
            case .array(let items): return .array(items.map(sorted))
            default: return value
            }
        }
    }

    struct Plan {
        var conflicts: [String] = []
        var objects: [ObjectDiff] = []
    }

    func plan(_ microservice: Microservice) async throws -> Plan {
        let namespace = microservice.namespace
        var plan = Plan()
        let microservices = client.resource(ResourceType.microservices, namespace: namespace)
        let live = try await get(microservices, microservice.name)
        let body = try JSONValueEncoder().encode(microservice)
        let merged = try await microservices.apply(body, fieldManager: "shipshape-diff", force: true, dryRun: true)
        plan.objects.append(ObjectDiff(name: Self.fileName(ResourceType.microservices, namespace, microservice.name), live: live, merged: merged))

        // Rendered as the operator would read it: with the CRD's defaults the dry run applied.
        let served = (try? JSONValueDecoder().decode(Microservice.self, from: merged)) ?? microservice
        let desired = try await render(served, uid: live?["metadata"]?["uid"]?.stringValue)
        var existing: [ChildKind: ExistingObject] = [:]
        for kind in ChildKind.core {
            guard let object = try await get(client.resource(kind.resource, namespace: namespace), microservice.name) else { continue }
            existing[kind] = ExistingObject(kind: kind, value: object)
        }
        let wanted = Set(desired.compactMap { ChildKind(rawValue: $0.kind) })
        plan.conflicts = ChildKind.core.compactMap { kind in
            guard wanted.contains(kind) else { return nil }
            return existing[kind]?.conflict(forMicroservice: microservice.objectKey, adopt: served.spec.adopt ?? false)
        }
        guard plan.conflicts.isEmpty else { return plan }
        for object in SelectorFitting.fitted(desired, toDeployment: existing[.deployment]?.value) {
            guard let kind = ChildKind(rawValue: object.kind) else { continue }
            let resource = client.resource(kind.resource, namespace: namespace)
            let stamped = ChildComparison.stamped(object.value)
            let current = existing[kind]
            let result: JSONValue
            if let current, current.holder(forMicroservice: microservice.objectKey) == .unowned {
                result = try await resource.replace(OwnershipTransfer.adopted(current.value, kind: kind, desired: stamped),
                                                    options: WriteOptions(fieldManager: MicroserviceReconciler.fieldManager, dryRun: true))
            } else {
                result = try await resource.apply(stamped, fieldManager: MicroserviceReconciler.fieldManager, force: true, dryRun: true)
            }
            plan.objects.append(ObjectDiff(name: Self.fileName(kind.resource, namespace, object.name), live: current?.value, merged: result))
        }
        // Children it owns and no longer wants are pruned.
        for (kind, current) in existing where !wanted.contains(kind) && current.holder(forMicroservice: microservice.objectKey) == .microservice {
            plan.objects.append(ObjectDiff(name: Self.fileName(kind.resource, namespace, current.name), live: current.value, merged: nil))
        }
        return plan
    }

    /// The children as the operator renders them: with its peers (live, overridden by the given
    /// ones), its uid when it exists, and the versions of the Secrets and ConfigMaps it reads.
    private func render(_ microservice: Microservice, uid: String?) async throws -> [RenderedObject] {
        let namespace = microservice.namespace
        let listed = try await client.resource(ResourceType.microservices, namespace: namespace).list().items
        var peers: [String: Microservice] = [:]
        for item in listed {
            if let peer = try? JSONValueDecoder().decode(Microservice.self, from: item) { peers[peer.key] = peer }
        }
        for peer in given where peer.namespace == namespace { peers[peer.key] = peer }
        peers[microservice.key] = nil
        var references: [String: String] = [:]
        let secrets = (microservice.spec.secrets ?? []).compactMap(\.secretName).map { ("Secret", ResourceType.secrets, $0) }
        let configMaps = (microservice.spec.configFrom ?? []).map { ("ConfigMap", ResourceType.configMaps, $0.configMap) }
        for (kind, type, name) in secrets + configMaps {
            do {
                let metadata = try await client.resource(type, namespace: namespace).getMetadata(name)
                if let version = metadata.metadata.resourceVersion { references["\(kind)/\(namespace)/\(name)"] = version }
            } catch let error as KubeError where error.isNotFound || error.statusCode == 403 {
                continue   // Absent or not readable: rendered without its version, as the operator does when it cannot see it.
            }
        }
        let renderer = Renderer(ownerUIDs: uid.map { [microservice.key: $0] } ?? [:], referenceVersions: references)
        let others = peers.keys.sorted().compactMap { peers[$0] }
        return renderer.render([microservice] + others).objects.filter { $0.owner == microservice.key }
    }

    private func get(_ resource: ResourceClient<JSONValue>, _ name: String) async throws -> JSONValue? {
        do { return try await resource.get(name) } catch let error as KubeError where error.isNotFound { return nil }
    }

    /// `apps.v1.Deployment.shop.web`, as kubectl diff names its files.
    static func fileName(_ type: ResourceType, _ namespace: String, _ name: String) -> String {
        [type.group, type.version, type.kind, namespace, name].filter { !$0.isEmpty }.joined(separator: ".")
    }
}
