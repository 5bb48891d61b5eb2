import Foundation
import KubeClient
import Logging
import OperatorRuntime
import ServiceLifecycle

/// How the operator runs.
public struct OperatorSettings: Sendable {
    /// Namespaces to watch and reconcile; nil for all.
    public var namespaces: [String]?
    /// Reconciles running at once.
    public var workers: Int
    /// How long in-flight reconciles get to finish on shutdown.
    public var shutdownTimeout: Duration
    /// This replica's name in the Lease and in Events.
    public var identity: String
    /// The Lease to elect a leader on; nil runs without election (always leading).
    public var leaderElection: LeaseSettings?
    /// Watch referenced Secrets' metadata so a rotation rolls the pods. Off, the operator needs
    /// no access to Secrets (RBAC cannot grant list/watch without also granting their data).
    public var secretRotation: Bool
    /// How long a Microservice whose reconcile failed waits before the next attempt; by default
    /// controller-runtime's (per key 5 ms doubling to 1000 s, overall 10 qps with a burst of 100).
    public var rateLimiter: any RateLimiter<ObjectKey> = MaxOfRateLimiter<ObjectKey>.controllerDefault()
    /// Require Istio mTLS for every Microservice that does not set `mesh.mtls: disabled` (`run --mesh-mtls strict`).
    public var meshMTLSByDefault = false

    public struct LeaseSettings: Sendable {
        public var namespace: String
        public var name: String
        public var timings: LeaderElectionTimings
        public init(namespace: String, name: String = "shipshape-operator", timings: LeaderElectionTimings = .init()) {
            self.namespace = namespace
            self.name = name
            self.timings = timings
        }
    }

    public init(namespaces: [String]? = nil, workers: Int = 4, shutdownTimeout: Duration = .seconds(25), identity: String,
                leaderElection: LeaseSettings? = nil, secretRotation: Bool = true) {
        self.namespaces = namespaces
        self.workers = workers
        self.shutdownTimeout = shutdownTimeout
        self.identity = identity
        self.leaderElection = leaderElection
        self.secretRotation = secretRotation
    }
}

/// The operator assembled: cache, work queue, reconciler, controller and (optionally) leader
/// election, as Services for one ServiceGroup.
public final class Operator: Sendable {
    public let metrics: OperatorMetrics
    public let cache: ClusterCache
    public let queue: WorkQueue<ObjectKey>
    public let leadership: Leadership
    public let controller: Controller
    public let elector: LeaderElector?
    /// Which extension kinds (Prometheus Operator, Istio) the cluster serves; their informers.
    public let extensions: ExtensionWatch

    /// - Parameters:
    ///   - client: for the informers and writes.
    ///   - electionClient: for the Lease, best with short timeouts and no retries (defaults to `client`).
    ///   - sources: where the cache lists and watches (defaults to the API server through `client`).
    public init(client: KubernetesClient, electionClient: KubernetesClient? = nil, settings: OperatorSettings,
                metrics: OperatorMetrics = OperatorMetrics(), sources: ClusterCache.Sources? = nil,
                now: @escaping @Sendable () -> Date = { Date() }, logger: Logger) {
        self.metrics = metrics
        let queue = WorkQueue<ObjectKey>(rateLimiter: settings.rateLimiter)
        self.queue = queue
        let enqueue: ClusterCache.Enqueue = { keys, priority in
            for key in keys {
                await queue.add(key, priority: priority)
                metrics.queued()
            }
        }
        let cache = ClusterCache(
            sources: sources ?? .live(client, namespaces: settings.namespaces, secrets: settings.secretRotation),
            enqueue: enqueue, logger: logger)
        self.cache = cache
        let leadership = Leadership(leading: settings.leaderElection == nil, onChange: { metrics.leading($0) })
        self.leadership = leadership
        let events = EventRecorder(client: client, instance: settings.identity, now: now, logger: logger)
        let microservices = cache.microservices
        let extensions = ExtensionWatch(client: client, namespaces: settings.namespaces, cache: cache, enqueue: enqueue,
                                        allKeys: { microservices.values().map(\.objectKey) }, logger: logger)
        self.extensions = extensions
        let reconciler = MicroserviceReconciler(
            client: client, cache: cache, events: events, metrics: metrics, now: now,
            extensions: ExtensionSettings(served: extensions.served, meshMTLSByDefault: settings.meshMTLSByDefault))
        controller = Controller(
            queue: queue, reconciler: reconciler, leadership: leadership, isSynced: { cache.hasSynced && extensions.hasSynced },
            allKeys: { microservices.values().map(\.objectKey) },
            settings: Controller.Settings(name: "microservice", workers: settings.workers, shutdownTimeout: settings.shutdownTimeout),
            metrics: metrics, logger: logger)
        elector = settings.leaderElection.map { lease in
            LeaderElector(client: electionClient ?? client, namespace: lease.namespace, name: lease.name,
                          election: LeaderElection(identity: settings.identity, timings: lease.timings), leadership: leadership,
                          now: now, logger: logger)
        }
    }

    /// True once the caches have synced (`/readyz`).
    public var isReady: Bool { cache.hasSynced && extensions.hasSynced }

    /// The operator's Services after `first` (the health server, the webhook), in the order a
    /// ServiceGroup starts them; it stops them in reverse: the controller drains first, then the
    /// Lease is released, then the watches end, and `first` (still serving) stops last.
    public func services(after first: [any ServiceLifecycle.Service]) -> [ServiceGroupConfiguration.ServiceConfiguration] {
        let services: [any ServiceLifecycle.Service] = first + [cache, extensions] + (elector.map { [$0] } ?? []) + [controller]
        return services.map {
            ServiceGroupConfiguration.ServiceConfiguration(
                service: $0, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup)
        }
    }
}
