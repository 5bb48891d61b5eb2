import Render
import Synchronization

/// What the operator found about the extension kinds: which the cluster serves (discovery) and,
/// of those, which its RBAC lets it manage. Written by `ExtensionWatch`, read by every reconcile.
public final class ServedExtensions: Sendable {
    /// One finding, replaced whole.
    public struct State: Sendable, Hashable {
        /// Kinds discovery lists.
        public var served: Set<ExtensionKind> = []
        /// Served kinds the operator may not get, list, watch, patch or delete (Deploy/extensions not applied).
        public var forbidden: Set<ExtensionKind> = []
        /// False until the first check has been made.
        public var checked = false

        public init(served: Set<ExtensionKind> = [], forbidden: Set<ExtensionKind> = [], checked: Bool = false) {
            self.served = served
            self.forbidden = forbidden
            self.checked = checked
        }

        /// The kinds the operator renders, applies and watches.
        public var usable: Set<ExtensionKind> { served.subtracting(forbidden) }
    }

    private let state: Mutex<State>

    public init(_ state: State = State()) { self.state = Mutex(state) }

    public var current: State { state.withLock { $0 } }

    /// Records a new finding; returns the previous one.
    @discardableResult
    func update(_ new: State) -> State {
        state.withLock { state in
            let old = state
            state = new
            return old
        }
    }
}
