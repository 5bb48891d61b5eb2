import KubeModel

extension ClusterStore {
    /// Opens a watch: replays what the client missed (or the current state as ADDED events when
    /// no resourceVersion, "0" or sendInitialEvents=true is given, closed by a BOOKMARK annotated
    /// `k8s.io/initial-events-end` when bookmarks are allowed), then streams live changes. A
    /// resourceVersion older than the history yields one ERROR event with a 410 Expired Status,
    /// as the API server does. The watch ends `timeout` after now on the sandbox's clock (never
    /// when nil), and gets the bookmarks `watchSchedule` plans for it when it allows them.
    func watch(_ type: ServedResource, namespace: String?, query: ListQuery,
               timeout: Duration? = nil) -> (id: Int, stream: AsyncStream<WatchMessage>) {
        let (stream, continuation) = AsyncStream.makeStream(of: WatchMessage.self)
        nextWatcherID += 1
        let id = nextWatcherID
        var watcher = Watcher(type: type, namespace: namespace, query: query, continuation: continuation)
        let requested = query.resourceVersion.flatMap { Int($0) } ?? 0
        watcher.startRevision = requested
        if query.sendInitialEvents ?? (requested == 0) {
            watcher.startRevision = revision
            for object in currentObjects(type, namespace: namespace) where query.matches(object.value) {
                continuation.yield(.event("ADDED", served(object.value, as: type)))
            }
            if query.allowBookmarks {
                continuation.yield(.bookmark(revision: revision, initialEventsEnd: true))
            }
        } else if requested == 0 {
            // sendInitialEvents=false without a resourceVersion: changes from now on.
            watcher.startRevision = revision
        } else if requested < compactedRevision {
            continuation.yield(.error(.expired("too old resource version: \(requested) (\(compactedRevision + 1))")))
            continuation.finish()
            return (id, stream)
        } else {
            for event in history where event.revision > requested {
                if deliver(event, to: watcher) { watcher.startRevision = event.revision }
            }
        }
        watchers[id] = watcher
        scheduleWatch(id, timeout: timeout)
        return (id, stream)
    }

    /// Sends a BOOKMARK at the current resourceVersion to one watch, if it asked for bookmarks.
    func bookmark(_ id: Int) {
        guard let watcher = watchers[id], watcher.query.allowBookmarks else { return }
        watcher.continuation.yield(.bookmark(revision: revision, initialEventsEnd: false))
    }

    /// Sends a BOOKMARK to every watch that asked for bookmarks.
    func bookmarkAll() {
        for id in watchers.keys { bookmark(id) }
    }

    /// Ends one watch (its timeout passed or its client left).
    func endWatch(_ id: Int) {
        watchers.removeValue(forKey: id)?.continuation.finish()
        watchSchedule.remove(id)
    }

    /// Ends every open watch, as an API server restart or a dropped connection would.
    func dropWatches() {
        for (id, watcher) in watchers {
            watcher.continuation.finish()
            watchSchedule.remove(id)
        }
        watchers.removeAll()
    }

    /// Forgets the whole history: watches and continue tokens from before now get 410 Gone.
    func compact() {
        guard (try? storage.compact(through: revision)) != nil else { return }
        history.removeAll()
        compactedRevision = revision
    }

    var openWatchCount: Int { watchers.count }

    /// Sends `event` to `watcher` as the event it is for the watch's selectors, if it concerns it
    /// at all (true when sent).
    @discardableResult
    func deliver(_ event: HistoryEvent, to watcher: Watcher) -> Bool {
        guard event.storageKey == watcher.type.storageKey else { return false }
        if let namespace = watcher.namespace, event.namespace != namespace { return false }
        let now = watcher.query.matches(event.object)
        let before = event.previous.map(watcher.query.matches) ?? now
        let type: String
        switch (event.kind, before, now) {
        case (.added, _, true): type = "ADDED"
        case (.deleted, _, true): type = "DELETED"
        case (.modified, true, true): type = "MODIFIED"
        case (.modified, false, true): type = "ADDED"
        case (.modified, true, false): type = "DELETED"
        default: return false
        }
        watcher.continuation.yield(.event(type, served(event.object, as: watcher.type)))
        return true
    }

    /// The objects of a resource (in a namespace, or all), in key order as etcd lists them.
    func currentObjects(_ type: ServedResource, namespace: String?) -> [StoredObject] {
        let byKey = objects[type.storageKey] ?? [:]
        return byKey.keys.sorted().compactMap { key in
            guard let object = byKey[key] else { return nil }
            if let namespace, type.namespaced, object.namespace != namespace { return nil }
            return object
        }
    }
}
