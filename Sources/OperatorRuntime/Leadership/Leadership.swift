import Foundation
import Synchronization

/// Whether this replica leads, shared by the elector that decides it and the controller that
/// reconciles only while it holds. Without leader election it is simply always true.
public final class Leadership: Sendable {
    private struct State {
        var leading: Bool
        var subscribers: [UUID: AsyncStream<Bool>.Continuation] = [:]
    }

    private let state: Mutex<State>
    private let onChange: @Sendable (Bool) -> Void

    /// - Parameter onChange: told every change (the `leader_election_master_status` gauge).
    public init(leading: Bool, onChange: @escaping @Sendable (Bool) -> Void = { _ in }) {
        state = Mutex(State(leading: leading))
        self.onChange = onChange
        onChange(leading)
    }

    public var isLeading: Bool { state.withLock { $0.leading } }

    public func set(_ leading: Bool) {
        let changed = state.withLock { state -> Bool in
            guard state.leading != leading else { return false }
            state.leading = leading
            for subscriber in state.subscribers.values { subscriber.yield(leading) }
            return true
        }
        if changed { onChange(leading) }
    }

    /// The current value, then every change; ends when the iterating task is cancelled.
    public func changes() -> AsyncStream<Bool> {
        let (stream, continuation) = AsyncStream.makeStream(of: Bool.self, bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        state.withLock { state in
            state.subscribers[id] = continuation
            continuation.yield(state.leading)
        }
        return stream
    }
}
