import KubeModel

/// How the Deployment controller numbers rollouts: the ReplicaSet matching the current template
/// carries the highest revision. A new one gets the highest revision of the others plus one, and
/// so does an existing one the Deployment returns to (a rollback, `kubectl rollout undo`), which
/// keeps the revisions it had before in `deployment.kubernetes.io/revision-history`.
extension ClusterStore {
    static let revisionHistoryAnnotation = "deployment.kubernetes.io/revision-history"

    /// The revision the ReplicaSet for the current template (`current`, nil when it is still to
    /// be created) gets among the Deployment's ReplicaSets `owned`.
    static func revision(of current: StoredObject?, among owned: [StoredObject]) -> String {
        let others = owned.filter { $0.uid != current?.uid }.compactMap(revisionNumber)
        let next = (others.max() ?? 0) + 1
        guard let current, let kept = revisionNumber(current), kept >= next else { return String(next) }
        return String(kept)
    }

    /// The revision history an existing ReplicaSet records when it moves to `revision`, nil when
    /// it keeps its revision (or had none).
    static func revisionHistory(_ replicaSet: StoredObject, becoming revision: String) -> String? {
        let annotations = replicaSet.metadata["annotations"]
        guard let previous = annotations?[revisionAnnotation]?.stringValue, previous != revision else { return nil }
        let history = annotations?[revisionHistoryAnnotation]?.stringValue ?? ""
        return history.isEmpty ? previous : history + "," + previous
    }

    private static func revisionNumber(_ replicaSet: StoredObject) -> Int? {
        replicaSet.metadata["annotations"]?[revisionAnnotation]?.stringValue.flatMap { Int($0) }
    }
}
