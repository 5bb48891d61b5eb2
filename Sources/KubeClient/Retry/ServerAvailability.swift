import Synchronization

/// When a client last saw its server unavailable (a dropped connection, 429, 502, 503, 504):
/// a 403 soon after is a restarting server's, not a denial.
final class ServerAvailability: Sendable {
    private let lastUnavailable = Mutex<ContinuousClock.Instant?>(nil)

    func markUnavailable() { lastUnavailable.withLock { $0 = .now } }

    /// Whether the server looked unavailable within `window` of now.
    func wasUnavailable(within window: Duration) -> Bool {
        lastUnavailable.withLock { last in last.map { ContinuousClock.now - $0 <= window } ?? false }
    }
}
