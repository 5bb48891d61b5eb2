import Checklist
import Foundation
import KubeClient
import KubeModel
import Logging
import OperatorRuntime
import Render
import ShipshapeAPI

/// Reconciles one Microservice: checklist, render (with its peers, owner uid and the versions
/// of what it references), server-side apply of only the children that are not up to date,
/// pruning of children no longer desired, status through the status subresource when it
/// changed, and Events when something was done or failed.
public struct MicroserviceReconciler: Reconciler {
    public static let fieldManager = "shipshape"

    let client: KubernetesClient
    let cache: ClusterCache
    let events: EventRecorder
    let metrics: OperatorMetrics
    let now: @Sendable () -> Date
    /// How often a rolling-out Microservice is looked at again without a change.
    let rolloutRecheck: Duration
    /// The extension kinds the cluster serves, and the cluster-wide choices for them.
    let extensions: ExtensionSettings

    public init(client: KubernetesClient, cache: ClusterCache, events: EventRecorder, metrics: OperatorMetrics,
                now: @escaping @Sendable () -> Date = { Date() }, rolloutRecheck: Duration = .seconds(30),
                extensions: ExtensionSettings = ExtensionSettings()) {
        self.client = client
        self.cache = cache
        self.events = events
        self.metrics = metrics
        self.now = now
        self.rolloutRecheck = rolloutRecheck
        self.extensions = extensions
    }

    public func reconcile(_ key: ObjectKey, logger: Logger) async throws -> ReconcileAction {
        guard let microservice = cache.microservices.get(key), microservice.metadata.deletionTimestamp == nil else {
            metrics.checklist(key.description, nil)
            await events.forget(key.description)
            return .done   // gone: the API server's garbage collector removes the children
        }
        let found = extensions.served.current
        let report = Checklist(options: extensions.checklistOptions(found)).check(microservice)
        let mode = microservice.spec.checklist?.mode ?? .enforce
        // What the CRD schema cannot express (undeclared probe ports, duplicate variables…): the
        // admission webhook refuses such specs; without it, they are reported and not applied.
        let issues = microservice.spec.consistencyIssues()
        let invalidSpec = issues.isEmpty ? nil : issues.map(\.description).joined(separator: "; ")
        let errorFindings = report.findings.contains { $0.severity == .error && !$0.isExempted }
        let blocked = invalidSpec != nil || (mode == .enforce && errorFindings)
        metrics.checklist(key.description, blocked ? .blocked : errorFindings ? .failed : .passed)
        let rendered = render(microservice, served: found.usable)
        let desired = rendered.objects
        // A dependsOn naming a Microservice (or port) this operator does not know still renders
        // (egress by labels), but the graph is incomplete: said in status and in one Event.
        let unresolved = rendered.warnings.filter { $0.path.description.hasPrefix("spec.dependsOn") }
            .map { "\($0.path): \($0.message)" }
        if !unresolved.isEmpty {
            await events.record(microservice, .warning, reason: "DependencyUnresolved", action: "Reconcile",
                                note: unresolved.joined(separator: "; "))
        }
        var applyFailure: ControllerError?
        var conflicts: [String] = []
        if let invalidSpec {
            logger.info("invalid spec, not applied", metadata: ["issues": "\(invalidSpec)"])
            await events.record(microservice, .warning, reason: "InvalidSpec", action: "Reconcile", note: "not applied: \(invalidSpec)")
        } else if blocked {
            logger.info("checklist errors block applying (mode enforce)", metadata: ["findings": "\(report.findings.count)"])
            await events.record(microservice, .warning, reason: "ChecklistBlocked", action: "Reconcile",
                                note: "not applied: \(report.checklistStatus.summary ?? "error findings")")
        } else {
            do {
                let survey = try await survey(desired, of: microservice)
                conflicts = survey.conflicts
                if conflicts.isEmpty {
                    try await adopt(survey.adoptions, desired: survey.desired, of: microservice, logger: logger)
                    try await applyChildren(survey.desired, of: microservice, logger: logger)
                    try await prune(microservice, keeping: survey.desired, logger: logger)
                } else {
                    logger.info("existing objects it does not own, nothing applied", metadata: ["conflicts": "\(conflicts)"])
                    await events.record(microservice, .warning, reason: "Conflict", action: "Reconcile",
                                        note: "nothing applied: " + conflicts.joined(separator: "; "))
                }
            } catch {
                let failure = error as? ControllerError
                    ?? .request(object: "Microservice \(key)", operation: "apply children of", cause: error)
                applyFailure = failure
                await events.record(microservice, .warning, reason: "ApplyFailed", action: "Apply", note: "\(failure)")
            }
        }
        let deployment = cache.store(.deployment).get(namespace: microservice.namespace, name: microservice.name)
        // Only children that exist (applied, or observed): not what a failed apply wanted.
        let children = owned(by: microservice).map {
            ChildReference(apiVersion: $0.value["apiVersion"]?.stringValue ?? $0.kind.resource.apiVersion, kind: $0.kind.rawValue, name: $0.name)
        }
        let observation = StatusBuilder.Observation(
            generation: microservice.metadata.generation ?? 0, deploymentStatus: deployment?["status"],
            deploymentGeneration: deployment?["metadata"]?["generation"]?.intValue, checklist: report.checklistStatus,
            blockedByChecklist: blocked && invalidSpec == nil, applyError: applyFailure.map { "\($0)" }, invalidSpec: invalidSpec,
            unresolvedDependencies: unresolved, conflicts: conflicts, children: children,
            extensions: ExtensionReport(unserved: rendered.unserved, forbidden: found.forbidden))
        let status = StatusBuilder().status(previous: microservice.status, observation: observation, now: now())
        if status != microservice.status {
            try await writeStatus(status, of: microservice)
        }
        if let applyFailure { throw applyFailure.terminalIfInvalid }
        let ready = status.conditions?.first { $0.type == "Ready" }?.status == "True"
        return ready || blocked ? .done : .requeue(after: rolloutRecheck)
    }

    /// The children `microservice` wants, rendered with its peers so NetworkPolicies follow the
    /// graph, the render warnings about it, and the extension objects left out (not `served`).
    func render(_ microservice: Microservice, served: Set<ExtensionKind> = []) -> RenderOutput {
        var references: [String: String] = [:]
        for secret in microservice.spec.secrets ?? [] {
            guard let name = secret.secretName, let object = cache.secrets.get(namespace: microservice.namespace, name: name) else { continue }
            references["Secret/\(microservice.namespace)/\(name)"] = object.resourceVersion
        }
        for source in microservice.spec.configFrom ?? [] {
            guard let object = cache.configMaps.get(namespace: microservice.namespace, name: source.configMap) else { continue }
            references["ConfigMap/\(microservice.namespace)/\(source.configMap)"] = object.resourceVersion
        }
        let renderer = Renderer(ownerUIDs: microservice.metadata.uid.map { [microservice.key: $0] } ?? [:], referenceVersions: references,
                                extensions: extensions.renderOptions(served: served))
        let output = renderer.render([microservice] + peers(of: microservice))
        var own = RenderOutput(objects: output.objects.filter { $0.owner == microservice.key },
                               warnings: output.warnings.filter { $0.microservice == microservice.key })
        own.unserved = output.unserved.filter { $0.owner == microservice.key }
        return own
    }

    /// The Microservices `microservice` depends on, and those that depend on it.
    func peers(of microservice: Microservice) -> [Microservice] {
        let key = microservice.objectKey
        var peers = EnqueueMapping.dependencies(of: microservice).filter { $0 != key }.compactMap { cache.microservices.get($0) }
        let known = Set(peers.map(\.objectKey))
        peers += cache.dependents(of: key).filter { $0 != key && !known.contains($0) }.compactMap { cache.microservices.get($0) }
        return peers
    }

    private func applyChildren(_ desired: [RenderedObject], of microservice: Microservice, logger: Logger) async throws {
        var created: [String] = [], updated: [String] = []
        for object in desired {
            guard let kind = ChildKind(rawValue: object.kind) else { continue }
            let store = cache.store(kind)
            let observed = store.get(namespace: object.namespace, name: object.name)
            if let observed, ChildComparison.isUpToDate(desired: object.value, observed: observed) { continue }
            let resources = client.resource(kind.resource, namespace: object.namespace)
            let applied: JSONValue
            do {
                applied = try await resources.apply(ChildComparison.stamped(object.value), fieldManager: Self.fieldManager, force: true)
            } catch {
                throw ControllerError.request(object: "\(kind.rawValue) \(object.namespace)/\(object.name)", operation: "apply", cause: error)
            }
            cache.writeThrough.wrote(kind, applied, replacing: observed?.resourceVersion)
            metrics.childWrite(kind: kind.rawValue, operation: observed == nil ? "create" : "update")
            logger.info("\(observed == nil ? "created" : "updated") \(kind.rawValue) \(object.name)")
            if observed == nil {
                created.append("\(kind.rawValue) \(object.name)")
            } else {
                updated.append("\(kind.rawValue) \(object.name) (\(ChildComparison.hash(of: object.value)))")
            }
        }
        if !created.isEmpty {
            await events.record(microservice, .normal, reason: "Created", action: "Apply", note: "created " + created.joined(separator: ", "))
        }
        if !updated.isEmpty {
            await events.record(microservice, .normal, reason: "Updated", action: "Apply", note: "updated " + updated.joined(separator: ", "))
        }
    }

    /// Children of `microservice` in the cache (controller ownerReference or instance label).
    private func owned(by microservice: Microservice) -> [(kind: ChildKind, name: String, value: JSONValue)] {
        ChildKind.allCases.flatMap { kind in
            cache.store(kind).objects(in: microservice.namespace, ownedBy: microservice.objectKey).map { name, value in (kind, name, value) }
        }.sorted { ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name) }
    }

    private func prune(_ microservice: Microservice, keeping desired: [RenderedObject], logger: Logger) async throws {
        let wanted = Set(desired.map { "\($0.kind)/\($0.name)" })
        var deleted: [String] = []
        for child in owned(by: microservice) where !wanted.contains("\(child.kind.rawValue)/\(child.name)") {
            let uid = child.value["metadata"]?["uid"]?.stringValue
            do {
                _ = try await client.resource(child.kind.resource, namespace: microservice.namespace)
                    .delete(child.name, options: DeleteOptions(propagationPolicy: .background, preconditionUID: uid))
            } catch let error as KubeError where error.isNotFound {
                // Already gone.
            } catch {
                throw ControllerError.request(object: "\(child.kind.rawValue) \(microservice.namespace)/\(child.name)", operation: "delete",
                                              cause: error)
            }
            cache.writeThrough.deleted(child.kind, ObjectKey(namespace: microservice.namespace, name: child.name), replacing: child.value.resourceVersion)
            metrics.childWrite(kind: child.kind.rawValue, operation: "delete")
            logger.info("deleted \(child.kind.rawValue) \(child.name), no longer desired")
            deleted.append("\(child.kind.rawValue) \(child.name)")
        }
        if !deleted.isEmpty {
            await events.record(microservice, .normal, reason: "Deleted", action: "Delete", note: "deleted " + deleted.joined(separator: ", "))
        }
    }

    private func writeStatus(_ status: MicroserviceStatus, of microservice: Microservice) async throws {
        let body: JSONValue = [
            "apiVersion": .string(Microservice.apiVersion), "kind": .string(Microservice.kind),
            "metadata": ["name": .string(microservice.name), "namespace": .string(microservice.namespace)],
            "status": try JSONValueEncoder().encode(status),
        ]
        do {
            let written = try await client.resource(ResourceType.microservices, namespace: microservice.namespace)
                .applyStatus(body, fieldManager: Self.fieldManager, force: true)
            if let updated = try? JSONValueDecoder().decode(Microservice.self, from: ListWatchSource.trimmed(written)) {
                cache.writeThrough.wroteStatus(updated, of: microservice)
            }
        } catch let error as KubeError where error.isNotFound {
            // Deleted meanwhile.
        } catch {
            throw ControllerError.request(object: "Microservice \(microservice.key)", operation: "write status of", cause: error)
        }
    }
}
