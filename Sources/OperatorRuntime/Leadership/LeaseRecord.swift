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

}
