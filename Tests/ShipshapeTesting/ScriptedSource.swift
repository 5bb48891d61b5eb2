import KubeModel
import OperatorRuntime
import Synchronization

/// A scripted API server for an informer: each list or watch call takes the next step.
public final class ScriptedSource: Sendable {
    public enum Step: Sendable {
        /// A list answers this page.
        case page([JSONValue], continueToken: String?, version: String)
        /// A watch delivers these inputs, then ends (or throws `thenFail`).
        case events([ListWatchSource.Input], thenFail: (any Error & Sendable)?)
        /// The call throws.
        case fail(any Error & Sendable)
    }

    private let steps: Mutex<[Step]>
    /// Every call so far: `list <token or ->`, `watch <resourceVersion>`.
    public let calls = Mutex<[String]>([])

    public init(_ steps: [Step]) { self.steps = Mutex(steps) }

    private func take(_ call: String) -> Step? {
        calls.withLock { $0.append(call) }
        return steps.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }

    /// The source an informer lists and watches through; past the last step a call throws
    /// `CancellationError`.
    public var source: ListWatchSource {
        ListWatchSource(description: "scripted", namespace: nil, list: { token in
            switch self.take("list \(token ?? "-")") {
            case .page(let items, let token, let version)?: return .init(items: items, continueToken: token, resourceVersion: version)
            case .fail(let error)?: throw error
            default: throw CancellationError()
            }
        }, watch: { version in
            switch self.take("watch \(version)") {
            case .events(let inputs, let failure)?:
                let (stream, continuation) = AsyncThrowingStream.makeStream(of: ListWatchSource.Input.self)
                for input in inputs { continuation.yield(input) }
                continuation.finish(throwing: failure)
                return stream
            case .fail(let error)?: throw error
            default: throw CancellationError()
            }
        })
    }
}
