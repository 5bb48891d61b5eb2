import Synchronization

/// Which objects refer to which: for each source, the targets it names, and the reverse, so
/// "who refers to X" is a lookup, not a scan (the dependents of a Microservice, the
/// Microservices that read a Secret). The informer's handler keeps it in step with its store.
public final class ReferenceIndex<Target: Hashable & Sendable>: Sendable {
    private struct State {
        var targets: [ObjectKey: Set<Target>] = [:]
        var sources: [Target: Set<ObjectKey>] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// Records that `source` refers to exactly `targets` now (none: it is gone).
    public func set(_ source: ObjectKey, targets: Set<Target>) {
        state.withLock { state in
            let old = state.targets[source] ?? []
            guard old != targets else { return }
            for target in old.subtracting(targets) {
                state.sources[target]?.remove(source)
                if state.sources[target]?.isEmpty == true { state.sources[target] = nil }
            }
            for target in targets.subtracting(old) { state.sources[target, default: []].insert(source) }
            state.targets[source] = targets.isEmpty ? nil : targets
        }
    }

    /// The sources that refer to `target`, sorted.
    public func sources(of target: Target) -> [ObjectKey] {
        state.withLock { ($0.sources[target] ?? []).sorted() }
    }
}
