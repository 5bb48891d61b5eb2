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

/// What a candidate should do after reading the lease. The caller reads the Lease, asks,
/// writes the record it is given (with optimistic concurrency) and reports the outcome.
///
/// Expiry is judged as client-go judges it, by this replica's own monotonic clock: the lease
/// lapses `leaseDurationSeconds` after this replica last saw its record change, never by
/// comparing the holder's `renewTime` with the local wall clock (clocks of two machines differ;
/// a wall clock can jump). Times are monotonic durations (elapsed since the elector started);
/// `wallClock` only fills the record's timestamps, which humans and other tools read.
public struct LeaderElection: Sendable {
    public enum Decision: Sendable, Equatable {
        /// Write this record to take (or keep) the lease.
        case write(LeaseRecord)
        /// Someone else leads; ask again after `retryPeriod`.
        case follow(holder: String)
    }

    public let identity: String
    public let timings: LeaderElectionTimings
    /// The record as last read, and when (monotonic) this replica first saw it so.
    private var observed: (record: LeaseRecord, at: Duration)?

    public init(identity: String, timings: LeaderElectionTimings = .init()) {
        self.identity = identity
        self.timings = timings
    }

    /// Decides from the lease as read at monotonic time `now` (nil when it does not exist yet).
    public mutating func decide(current: LeaseRecord?, now: Duration, wallClock: Date) -> Decision {
        let duration = Int(timings.leaseDuration.rounded(.up))
        guard let current else {
            return .write(LeaseRecord(holderIdentity: identity, leaseDurationSeconds: duration, acquireTime: wallClock,
                                      renewTime: wallClock, leaseTransitions: 0))
        }
        if observed?.record != current { observed = (current, now) }
        if current.holderIdentity == identity {
            var renewed = current
            renewed.renewTime = wallClock
            renewed.leaseDurationSeconds = duration
            return .write(renewed)
        }
        if let holder = current.holderIdentity, !holder.isEmpty, !hasExpired(now: now) { return .follow(holder: holder) }
        return .write(LeaseRecord(holderIdentity: identity, leaseDurationSeconds: duration, acquireTime: wallClock,
                                  renewTime: wallClock, leaseTransitions: current.leaseTransitions + 1))
    }

    /// Whether the observed record has gone unchanged for its whole lease duration at `now`.
    func hasExpired(now: Duration) -> Bool {
        guard let observed else { return true }
        return observed.at + .seconds(observed.record.leaseDurationSeconds) <= now
    }

    /// Records the record this replica wrote, so its own writes count as observed changes.
    public mutating func wrote(_ record: LeaseRecord, now: Duration) { observed = (record, now) }

    /// Whether a leader whose last successful renewal was at `lastRenewal` (monotonic) must stop
    /// leading: `renewDeadline` has passed, which is before any other replica can see the lease
    /// expire (`leaseDuration` after the same renewal), so two replicas never lead at once.
    public func mustStepDown(lastRenewal: Duration, now: Duration) -> Bool {
        now - lastRenewal >= .milliseconds(Int64(timings.renewDeadline * 1000))
    }

    /// The record that hands the lease back on shutdown, so a standby takes over at once.
    public func release(_ current: LeaseRecord, wallClock: Date) -> LeaseRecord? {
        guard current.holderIdentity == identity else { return nil }
        var released = current
        released.holderIdentity = nil
        released.leaseDurationSeconds = 1
        released.renewTime = wallClock
        return released
    }
}
