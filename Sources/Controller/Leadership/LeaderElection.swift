import Foundation

/// Leader election timings, as client-go and controller-runtime default them.
public struct LeaderElectionTimings: Sendable, Equatable {
    /// How long a lease is valid after its last renewal (candidates wait this long).
    public var leaseDuration: TimeInterval = 15
    /// How long the leader keeps trying to renew before it gives up leading.
    public var renewDeadline: TimeInterval = 10
    /// How often candidates try to acquire and the leader renews.
    public var retryPeriod: TimeInterval = 2

    public init() {}
}

/// What a candidate should do after reading the lease. Pure: the caller reads the Lease, asks,
/// writes the record it is given (with optimistic concurrency) and reports the outcome.
public struct LeaderElection: Sendable {
    public enum Decision: Sendable, Equatable {
        /// Write this record to take (or keep) the lease.
        case write(LeaseRecord)
        /// Someone else leads; ask again after `retryPeriod`.
        case follow(holder: String)
    }

    public let identity: String
    public let timings: LeaderElectionTimings

    public init(identity: String, timings: LeaderElectionTimings = .init()) {
        self.identity = identity
        self.timings = timings
    }

    /// Decides from the lease as read (nil when it does not exist yet).
    public func decide(current: LeaseRecord?, now: Date) -> Decision {
        let duration = Int(timings.leaseDuration.rounded(.up))
        guard let current else {
            return .write(LeaseRecord(holderIdentity: identity, leaseDurationSeconds: duration, acquireTime: now,
                                      renewTime: now, leaseTransitions: 0))
        }
        if current.holderIdentity == identity {
            var renewed = current
            renewed.renewTime = now
            renewed.leaseDurationSeconds = duration
            return .write(renewed)
        }
        guard current.isVacant(at: now) else { return .follow(holder: current.holderIdentity ?? "") }
        return .write(LeaseRecord(holderIdentity: identity, leaseDurationSeconds: duration, acquireTime: now,
                                  renewTime: now, leaseTransitions: current.leaseTransitions + 1))
    }

    /// Whether a leader whose last successful renewal was at `lastRenewal` must stop leading.
    public func mustStepDown(lastRenewal: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastRenewal) >= timings.renewDeadline
    }

    /// The record that hands the lease back on shutdown, so a standby takes over at once.
    public func release(_ current: LeaseRecord, now: Date) -> LeaseRecord? {
        guard current.holderIdentity == identity else { return nil }
        var released = current
        released.holderIdentity = nil
        released.leaseDurationSeconds = 1
        released.renewTime = now
        return released
    }
}
