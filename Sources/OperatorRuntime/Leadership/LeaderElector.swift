import Foundation
import KubeClient
import KubeModel
import Logging
import ServiceLifecycle

/// Runs leader election on a coordination.k8s.io/v1 Lease: every `retryPeriod` it reads the
/// Lease and, as `LeaderElection` decides, takes or renews it with an optimistic-concurrency
/// write (a 409 means someone else wrote first: read again). Expiry is judged on this replica's
/// monotonic clock. A leader that cannot renew within `renewDeadline` stops leading (the
/// controller cancels its in-flight reconciles) and goes on as a candidate; it never crashes
/// the process. On
/// graceful shutdown (after the controller has drained) it releases the Lease so a standby
/// takes over at once.
public final class LeaderElector: ServiceLifecycle.Service, Sendable {
    private let leases: ResourceClient<JSONValue>
    private let namespace: String
    private let name: String
    private let election: LeaderElection
    private let leadership: Leadership
    private let clock: any Clock<Duration>
    private let now: @Sendable () -> Date
    private let logger: Logger

    /// - Parameter client: best with short timeouts and no retries, so a renewal fails fast.
    public init(client: KubernetesClient, namespace: String, name: String, election: LeaderElection, leadership: Leadership,
                clock: any Clock<Duration> = ContinuousClock(), now: @escaping @Sendable () -> Date = { Date() }, logger: Logger) {
        leases = client.resource(ResourceType.leases, namespace: namespace)
        self.namespace = namespace
        self.name = name
        self.election = election
        self.leadership = leadership
        self.clock = clock
        self.now = now
        var logger = logger
        logger[metadataKey: "lease"] = "\(namespace)/\(name)"
        self.logger = logger
    }

    public func run() async throws {
        var election = self.election
        var lastRenewal: Duration?
        let elapsed = ElapsedClock(clock)
        let period = Duration.milliseconds(Int64(election.timings.retryPeriod * 1000))
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            lastRenewal = await attempt(&election, lastRenewal: lastRenewal, clock: elapsed)
            do {
                try await cancelWhenGracefulShutdown { [clock] in try await clock.sleep(for: period) }
            } catch {
                break
            }
        }
        await release()
    }

    /// One round: read, decide, write. Returns the (monotonic) time of the last successful renewal.
    private func attempt(_ election: inout LeaderElection, lastRenewal: Duration?, clock: ElapsedClock) async -> Duration? {
        for _ in 0..<2 {   // a conflict is answered by reading again at once, once
            do {
                let started = clock.now
                let current = try await read()
                switch election.decide(current: current.map(LeaseCodec.record), now: clock.now, wallClock: now()) {
                case .follow(let holder):
                    if leadership.isLeading { logger.warning("lost the lease to \(holder); reconciling stops") }
                    leadership.set(false)
                    return nil
                case .write(let record):
                    let lease = LeaseCodec.lease(record, replacing: current, namespace: namespace, name: name)
                    let written = try await (current == nil ? leases.create(lease) : leases.replace(lease))
                    election.wrote(LeaseCodec.record(of: written), now: clock.now)
                    if !leadership.isLeading { logger.info("acquired the lease as \(election.identity)") }
                    leadership.set(true)
                    // Counted from before the read: the lease runs from no later than that.
                    return started
                }
            } catch let error as KubeError where error.isConflict || error.isAlreadyExists {
                continue
            } catch {
                logger.notice("lease request failed: \(error)")
                break
            }
        }
        if leadership.isLeading, lastRenewal.map({ election.mustStepDown(lastRenewal: $0, now: clock.now) }) ?? true {
            logger.warning("could not renew the lease within \(election.timings.renewDeadline) s; reconciling stops")
            leadership.set(false)
            return nil
        }
        return lastRenewal
    }

    private func read() async throws -> JSONValue? {
        do {
            return try await leases.get(name)
        } catch let error as KubeError where error.isNotFound {
            return nil
        }
    }

    /// Hands the lease back if this replica holds it.
    private func release() async {
        guard leadership.isLeading else { return }
        leadership.set(false)
        do {
            guard let current = try await read(), let released = election.release(LeaseCodec.record(of: current), wallClock: now()) else { return }
            _ = try await leases.replace(LeaseCodec.lease(released, replacing: current, namespace: namespace, name: name))
            logger.info("released the lease")
        } catch {
            logger.notice("could not release the lease: \(error)")
        }
    }
}
