import KubeModel

/// What the controllers share: one reconcile pass over all of them, and writes made as
/// `kube-controller-manager` through the same paths a client's writes take.
extension ClusterStore {
    static let controllerWrite = WriteOptions(fieldManager: "kube-controller-manager", fieldValidation: .ignore)

    func attachControllers(_ wakeup: AsyncStream<Void>.Continuation) {
        controllerWakeup = wakeup
        wakeup.yield()
    }

    /// Runs every controller once over the current state, with the optional ones `options` turns on.
    func reconcileControllers(_ options: SandboxOptions = SandboxOptions()) {
        guard !controllerClock.held else { return }
        reconcileNamespaces(gracePeriod: options.namespaceDeletionGracePeriod)
        collectGarbage()
        if options.horizontalPodAutoscaling { reconcileHorizontalPodAutoscalers() }
        reconcileDeployments()
        reconcileReplicaSets()
        if options.simulateKubelet { simulateKubelet() }
        reconcileDisruptionBudgets()
    }

    /// Runs every controller until a pass commits nothing (at most `passes` passes).
    func settleControllers(_ options: SandboxOptions, passes: Int = 50) {
        for _ in 0..<passes {
            let before = revision
            reconcileControllers(options)
            if revision == before { return }
        }
    }

    /// Moves the controllers' clock on by `duration`; the watches' bookmarks and deadlines that
    /// fall due meanwhile are served at their time, in order (`advanceWatchClock`).
    func advanceClock(by duration: Duration) {
        advanceWatchClock(by: duration)
    }

    /// Holds the controllers back (they do nothing) or lets them go on.
    func holdControllers(_ held: Bool) {
        controllerClock.held = held
        if !held { controllerWakeup?.yield() }
    }

    /// How long until delayed controller work falls due, nil if none waits.
    var untilControllerWorkDue: Duration? { controllerClock.untilNextDue }

    /// The current objects of a resource, by storage key, in one namespace or all.
    func current(_ storageKey: String, namespace: String? = nil) -> [StoredObject] {
        (objects[storageKey] ?? [:]).values
            .filter { namespace == nil || $0.namespace == namespace }
            .sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
    }

    /// The object as stored now (it may have changed since a pass listed it).
    func refreshed(_ object: StoredObject, _ storageKey: String) -> StoredObject? {
        objects[storageKey]?[Self.key(namespace: object.namespace, name: object.name)]
    }

    @discardableResult
    func controllerCreate(_ storageKey: String, namespace: String, _ body: JSONValue) -> JSONValue? {
        guard let type = anyType(forStorageKey: storageKey) else { return nil }
        return try? create(type, namespace: namespace, body: body, options: Self.controllerWrite).object
    }

    /// Writes `value` over `object` (its status only with `status`) unless nothing changed.
    func controllerUpdate(_ object: StoredObject, _ storageKey: String, _ value: JSONValue, status: Bool = false) {
        guard let type = anyType(forStorageKey: storageKey), let latest = refreshed(object, storageKey) else { return }
        if status ? type.statusOwnable(latest.value) == type.statusOwnable(value) : latest.value == value { return }
        _ = try? replace(latest, with: value, type, status: status, options: Self.controllerWrite)
    }

    static func isDeleting(_ object: StoredObject) -> Bool { object.metadata["deletionTimestamp"] != nil }

    static func finalizers(_ object: StoredObject) -> [String] {
        (object.metadata["finalizers"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    /// Objects whose ownerReferences name `uid`.
    func dependents(of uid: String) -> [(storageKey: String, object: StoredObject)] {
        allObjects().filter { entry in
            (entry.object.metadata["ownerReferences"]?.arrayValue ?? []).contains { $0["uid"]?.stringValue == uid }
        }.map { ($0.storageKey, $0.object) }
    }

    /// The objects of one resource by the uid of the owner that controls them.
    func byController(_ storageKey: String) -> [String: [StoredObject]] {
        var index: [String: [StoredObject]] = [:]
        for object in (objects[storageKey] ?? [:]).values {
            for reference in object.metadata["ownerReferences"]?.arrayValue ?? [] where reference["controller"]?.boolValue == true {
                if let uid = reference["uid"]?.stringValue { index[uid, default: []].append(object) }
            }
        }
        return index
    }

    /// A controller ownerReference to `owner`, as the built-in controllers write it.
    static func controllerReference(to owner: StoredObject, apiVersion: String, kind: String) -> JSONValue {
        ["apiVersion": .string(apiVersion), "kind": .string(kind), "name": .string(owner.name), "uid": .string(owner.uid),
         "controller": true, "blockOwnerDeletion": true]
    }

    /// A condition list entry that keeps its transition time while its status stays the same,
    /// and its update time while nothing about it changes.
    static func condition(_ type: String, status: String, reason: String, message: String, previous: [JSONValue],
                          updateTime: Bool = true) -> JSONValue {
        let now = JSONValue.string(timestamp())
        let old = previous.first { $0["type"]?.stringValue == type }
        let same = old?["status"]?.stringValue == status
        let unchanged = same && old?["reason"]?.stringValue == reason && old?["message"]?.stringValue == message
        var condition: JSONObject = ["type": .string(type), "status": .string(status)]
        if updateTime { condition["lastUpdateTime"] = unchanged ? (old?["lastUpdateTime"] ?? now) : now }
        condition["lastTransitionTime"] = same ? (old?["lastTransitionTime"] ?? now) : now
        condition["reason"] = .string(reason)
        condition["message"] = .string(message)
        return .object(condition)
    }
}
