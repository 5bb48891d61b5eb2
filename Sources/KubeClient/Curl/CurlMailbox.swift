import CCurl

/// The only way into the transport thread: commands queue here and `curl_multi_wakeup` (which
/// libcurl allows from any thread) interrupts the thread's poll to take them.
final class CurlMailbox: @unchecked Sendable {
    private struct State {
        var commands: [TransportCommand] = []
        var closed = false
    }

    /// Used off the transport thread only for `curl_multi_wakeup`, under `state`'s lock, and
    /// only until the thread closes the mailbox before cleaning the handle up.
    let multi: UnsafeMutableRawPointer
    private let state = Locked(State())

    init(multi: UnsafeMutableRawPointer) { self.multi = multi }

    /// Queues a command and wakes the thread. Returns false once the transport has shut down.
    @discardableResult
    func post(_ command: TransportCommand) -> Bool {
        state.withLock { state in
            guard !state.closed else { return false }
            state.commands.append(command)
            curl_multi_wakeup(multi)
            return true
        }
    }

    /// Takes every queued command, in order.
    func drain() -> [TransportCommand] {
        state.withLock { state in
            defer { state.commands.removeAll() }
            return state.commands
        }
    }

    /// Refuses further commands and returns those still queued.
    func close() -> [TransportCommand] {
        state.withLock { state in
            state.closed = true
            defer { state.commands.removeAll() }
            return state.commands
        }
    }
}
