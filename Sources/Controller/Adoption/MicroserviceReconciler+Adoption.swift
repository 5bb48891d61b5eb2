import KubeClient
import KubeModel
import Logging
import OperatorRuntime
import Render
import ShipshapeAPI

extension MicroserviceReconciler {
    /// What already exists under the names of a Microservice's children.
    struct Survey: Sendable {
        /// The children to apply, fitted to an existing Deployment's selector.
        var desired: [RenderedObject]
        /// Existing objects it may not take over, worded for status and Events.
        var conflicts: [String]
        /// Existing objects no controller owns that it takes over (`spec.adopt: true`).
        var adoptions: [ExistingObject]
    }

    /// Looks up every child: in the cache, else (Shipshape's informers see only what it
    /// labelled) on the API server, so an object made by someone else is found before it is touched.
    func survey(_ desired: [RenderedObject], of microservice: Microservice) async throws -> Survey {
        var existing: [ExistingObject] = []
        for object in desired {
            guard let kind = ChildKind(rawValue: object.kind) else { continue }
            if let cached = cache.store(kind).get(namespace: object.namespace, name: object.name) {
                existing.append(ExistingObject(kind: kind, value: cached))
                continue
            }
            do {
                let live = try await client.resource(kind.resource, namespace: object.namespace).get(object.name)
                existing.append(ExistingObject(kind: kind, value: live))
            } catch let error as KubeError where error.isNotFound {
                // Free: it will be created.
            } catch {
                throw ControllerError.request(object: "\(kind.rawValue) \(object.namespace)/\(object.name)", operation: "read", cause: error)
            }
        }
        let key = microservice.objectKey, adopt = microservice.spec.adopt ?? false
        let deployment = existing.first { $0.kind == .deployment }
        return Survey(
            desired: SelectorFitting.fitted(desired, toDeployment: deployment?.value),
            conflicts: existing.compactMap { $0.conflict(forMicroservice: key, adopt: adopt) },
            adoptions: adopt ? existing.filter { $0.holder(forMicroservice: key) == .unowned } : [])
    }

    /// Takes field ownership of each adopted object (its content unchanged), so the apply that
    /// follows is the one write that changes it; records one Event naming what was adopted.
    func adopt(_ adoptions: [ExistingObject], desired: [RenderedObject], of microservice: Microservice, logger: Logger) async throws {
        guard !adoptions.isEmpty else { return }
        var adopted: [String] = []
        for existing in adoptions {
            let name = existing.name, namespace = microservice.namespace
            let wanted = desired.first { $0.kind == existing.kind.rawValue && $0.name == name }?.value ?? .object([:])
            var current = existing.value
            if let patch = OwnershipTransfer.patch(for: existing.value, kind: existing.kind, desired: wanted,
                                                    manager: Self.fieldManager, time: StatusBuilder.timestamp(now())) {
                do {
                    current = try await client.resource(existing.kind.resource, namespace: namespace)
                        .patch(name, mergePatch: patch, options: WriteOptions(fieldManager: Self.fieldManager))
                } catch {
                    throw ControllerError.request(object: "\(existing.kind.rawValue) \(namespace)/\(name)", operation: "take field ownership of",
                                                  cause: error)
                }
                metrics.childWrite(kind: existing.kind.rawValue, operation: "adopt")
            }
            // Cached as observed, so the apply that follows counts as an update of an existing object.
            cache.writeThrough.wrote(existing.kind, current, replacing: cache.store(existing.kind).get(namespace: namespace, name: name)?.resourceVersion)
            logger.info("adopting \(existing.kind.rawValue) \(name)")
            adopted.append(describe(existing))
        }
        await events.record(microservice, .normal, reason: "Adopted", action: "Adopt", note: "adopted " + adopted.joined(separator: ", "))
    }

    /// `Deployment web (uid …, selector app=web)`: what an operator wants to read in the Event.
    private func describe(_ existing: ExistingObject) -> String {
        let spec = existing.value["spec"]
        var details = ["uid " + (existing.value["metadata"]?["uid"]?.stringValue ?? "?")]
        switch existing.kind {
        case .deployment:
            let labels = spec?["selector"]?["matchLabels"]?.objectValue.map { object in
                object.map { "\($0.key)=\($0.value.stringValue ?? "")" }.sorted().joined(separator: ",")
            }
            if let labels { details.append("selector kept: " + labels) }
        case .service:
            if let ip = spec?["clusterIP"]?.stringValue { details.append("clusterIP kept: " + ip) }
        default: break
        }
        return "\(existing.kind.rawValue) \(existing.name) (\(details.joined(separator: ", ")))"
    }
}
