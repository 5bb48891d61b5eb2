import KubeModel

/// The objects that give workloads their context (Services, HPAs, PDBs, NetworkPolicies,
/// ServiceAccounts), gathered before workloads are judged, so an input too long to hold can be
/// judged one workload at a time: gather the context in a first reading, then judge each
/// workload of a second reading with `Checklist.check(workload:inputIndex:context:)`.
public struct AuditContext: Sendable {
    var inventory = Inventory()

    public init() {}

    /// Adds `object` if the checklist reads its kind as context; returns whether it did.
    @discardableResult
    public mutating func add(_ object: JSONValue, inputIndex: Int) -> Bool {
        inventory.add(object, inputIndex: inputIndex)
    }
}

/// What an audit does with one object of its input.
public enum AuditRole: Sendable {
    /// Not judged, with the reason and the key it is counted under in `AuditResult.skippedKinds`.
    case skipped(SkippedObject, tally: String)
    /// A workload, judged with the context of the whole input.
    case workload
    /// Read as context of the workloads (`AuditContext.add`), not judged.
    case context
}

extension Checklist {
    /// What an audit does with `object`, the `inputIndex`-th object of the input.
    public func role(of object: JSONValue, inputIndex: Int) -> AuditRole {
        if let skip = AuditedKinds.skip(object, inputIndex: inputIndex) { return .skipped(skip.object, tally: skip.tally) }
        if let kind = object["kind"]?.stringValue, WorkloadKind(rawValue: kind) != nil { return .workload }
        return .context
    }

    /// Judges one workload with `context`; nil when `object` is not a workload. Gives the
    /// report `check(objects:microservices:)` gives it when `context` holds the same objects.
    public func check(workload object: JSONValue, inputIndex: Int, context: AuditContext) -> ObjectReport? {
        Workload(object, inputIndex: inputIndex).map { check($0, inventory: context.inventory) }
    }
}
