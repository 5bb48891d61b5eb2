import Foundation

/// The time the sandbox's controllers and watch timers (`WatchSchedule`) go by: the wall clock
/// plus however far tests moved it on (`KubeSandbox.advanceClock`), so a test sees a controller's
/// delay or a watch's minute pass without waiting for it.
/// It also holds when each delayed piece of controller work falls due, and whether a test holds
/// the controllers back.
struct ControllerClock: Sendable {
    /// The controllers do nothing while held (`KubeSandbox.holdControllers`).
    var held = false
    /// How far the clock runs ahead of the wall clock.
    private(set) var offset: TimeInterval = 0
    /// Terminating namespaces by name: the resourceVersion the namespace controller last saw and
    /// when it acts on it (the namespace controller handles each change of a namespace only after
    /// its grace period, as the real one queues them).
    var namespacesDue: [String: (resourceVersion: String, due: Date)] = [:]

    var now: Date { Date.now.addingTimeInterval(offset) }

    mutating func advance(by duration: Duration) {
        offset += Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// How long until the earliest delayed work falls due (zero if it already has), nil if none waits.
    var untilNextDue: Duration? {
        guard let due = namespacesDue.values.map(\.due).min() else { return nil }
        return .milliseconds(max(0, Int((due.timeIntervalSince(now) * 1000).rounded(.up))))
    }
}
