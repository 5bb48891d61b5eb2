/// The choices the renderer makes that a Microservice cannot override; the API's own defaults
/// are in `ShipshapeAPI.Defaults`.
enum RenderPolicy {
    /// Rolling updates add a pod before removing one: never below the desired count.
    static let maxSurge = "25%"
    static let maxUnavailable = 0
    /// Old ReplicaSets kept for `kubectl rollout undo` (the API's default of 10 is mostly clutter).
    static let revisionHistoryLimit = 5
    /// PodDisruptionBudget when `availability` sets neither bound.
    static let maxUnavailablePods = 1
    /// The writable scratch directory under a read-only root filesystem.
    static let scratchPath = "/tmp"
    static let scratchVolume = "tmp"
    static let scratchSizeLimit = "64Mi"
    /// Secret files readable by their owner only (0400); fsGroup makes the pod's group that owner.
    static let secretFileMode = 0o400
    static let tracesSampler = "parentbased_traceidratio"
    /// Annotation on the pod template carrying the hash of referenced Secret/ConfigMap versions.
    static let configHashAnnotation = "shipshape.dev/config-hash"
}
