import Foundation

/// Scheduled bookmarks and watch deadlines, served on the sandbox's clock (`controllerClock`):
/// by `WatchTimerLoop` as the wall clock passes, and at once when a test moves the clock on.
extension ClusterStore {
    func attachWatchTimers(_ wakeup: AsyncStream<Void>.Continuation) {
        watchTimerWakeup = wakeup
        wakeup.yield()
    }

    /// Plans watch `id`'s deadline and bookmarks from now.
    func scheduleWatch(_ id: Int, timeout: Duration?) {
        guard let watcher = watchers[id] else { return }
        let now = controllerClock.now
        watchSchedule.add(id, deadline: timeout.map { now.addingTimeInterval($0.timeInterval) },
                          bookmarks: watcher.query.allowBookmarks, now: now)
        watchTimerWakeup?.yield()
    }

    /// Sends the bookmarks whose bucket the clock has reached and ends the watches whose deadline
    /// has come. A bookmark carries the current resourceVersion and, as the watch cache's, goes
    /// out only when that is newer than where its watch started: a watch of an idle cluster gets none.
    func serveWatchTimers() {
        let now = controllerClock.now
        for id in watchSchedule.takeDueBookmarks(now: now) {
            guard let watcher = watchers[id] else { continue }  // it has ended
            if revision > watcher.startRevision {
                watcher.continuation.yield(.bookmark(revision: revision, initialEventsEnd: false))
            }
            watchSchedule.scheduleBookmark(id, now: now)
        }
        for id in watchSchedule.expired(now: now) { endWatch(id) }
    }

    /// Moves the sandbox's clock on by `duration` as if that time passed: each scheduled bookmark
    /// and deadline falling due meanwhile is served when the clock reaches it, as the watch cache's
    /// once-a-second timer would have, so one long step gives what many short ones would.
    func advanceWatchClock(by duration: Duration) {
        var remaining = duration.timeInterval
        while let due = watchSchedule.nextDue, due.timeIntervalSince(controllerClock.now) <= remaining {
            // At least a millisecond, so the clock always moves on (a Date is only so precise).
            let step = max(due.timeIntervalSince(controllerClock.now), 0.001)
            controllerClock.advance(by: .seconds(step))
            remaining -= step
            serveWatchTimers()
        }
        controllerClock.advance(by: .seconds(max(0, remaining)))
        serveWatchTimers()
        watchTimerWakeup?.yield()
    }

    /// How long until the next scheduled bookmark or deadline (zero if one is due), nil if none waits.
    var untilWatchTimerDue: Duration? {
        watchSchedule.nextDue.map { .milliseconds(max(0, Int(($0.timeIntervalSince(controllerClock.now) * 1000).rounded(.up)))) }
    }
}
