import Foundation

/// The part of a coordination.k8s.io/v1 Lease's spec that leader election reads and writes.
public struct LeaseRecord: Sendable, Equatable {
    public var holderIdentity: String?
    public var leaseDurationSeconds: Int
    public var acquireTime: Date?
    public var renewTime: Date?
    public var leaseTransitions: Int

    public init(holderIdentity: String?, leaseDurationSeconds: Int, acquireTime: Date?, renewTime: Date?,
                leaseTransitions: Int) {
        self.holderIdentity = holderIdentity
        self.leaseDurationSeconds = leaseDurationSeconds
        self.acquireTime = acquireTime
        self.renewTime = renewTime
        self.leaseTransitions = leaseTransitions
    }

    /// When the current holder's claim lapses unless renewed.
    public var expiry: Date? {
        renewTime.map { $0.addingTimeInterval(TimeInterval(leaseDurationSeconds)) }
    }

    /// Whether nobody holds the lease at `now` (no holder, released, or not renewed in time).
    public func isVacant(at now: Date) -> Bool {
        guard let holder = holderIdentity, !holder.isEmpty, let expiry else { return true }
        return expiry <= now
    }
}
