/// A bounded hand-off of body bytes from a producer (the transport thread) to one consumer.
///
/// When more than `highWater` bytes wait unread, `offer` refuses the bytes and the producer
/// pauses; once the consumer has drained below half of that, `onDemand` asks it to go on.
public final class BodyChannel: Sendable {
    private struct State {
        var chunks: [[UInt8]] = []
        var head = 0
        var buffered = 0
        var producerPaused = false
        var end: Result<Void, KubeError>?
        var waiter: CheckedContinuation<[UInt8]?, any Error>?
        var onDemand: (@Sendable () -> Void)?
        var onCancel: (@Sendable () -> Void)?
    }

    private let state = Locked(State())
    let highWater: Int

    /// A channel that holds up to `highWater` unread bytes.
    public init(highWater: Int = 1 << 20) { self.highWater = max(1, highWater) }

    /// Sets what to call when a paused producer may continue, and when the consumer goes away.
    func setHandlers(onDemand: @escaping @Sendable () -> Void, onCancel: @escaping @Sendable () -> Void) {
        state.withLock {
            $0.onDemand = onDemand
            $0.onCancel = onCancel
        }
    }

    /// Hands `bytes` to the consumer. Returns false, taking nothing, when the buffer is full:
    /// the producer must pause until `onDemand` is called.
    @discardableResult
    public func offer(_ bytes: [UInt8]) -> Bool {
        enum Outcome { case handOver(CheckedContinuation<[UInt8]?, any Error>), buffered, full }
        let outcome: Outcome = state.withLock { state in
            // After the end (the consumer left), bytes are dropped: the transfer is being cancelled.
            guard state.end == nil else { return .buffered }
            if let waiter = state.waiter {
                state.waiter = nil
                return .handOver(waiter)
            }
            guard state.buffered < highWater else {
                state.producerPaused = true
                return .full
            }
            state.chunks.append(bytes)
            state.buffered += bytes.count
            return .buffered
        }
        switch outcome {
        case .handOver(let waiter):
            waiter.resume(returning: bytes)
            return true
        case .buffered: return true
        case .full: return false
        }
    }

    /// Ends the body: normally with nil, or with an error the consumer sees after the bytes.
    public func finish(_ error: KubeError? = nil) {
        let waiter: CheckedContinuation<[UInt8]?, any Error>? = state.withLock { state in
            guard state.end == nil else { return nil }
            state.end = error.map { .failure($0) } ?? .success(())
            defer { state.waiter = nil }
            return state.waiter
        }
        switch error {
        case .none: waiter?.resume(returning: nil)
        case .some(let error): waiter?.resume(throwing: error)
        }
    }

    /// The consumer gives up: the body ends as cancelled and the producer is told to stop.
    func cancel() {
        let onCancel = state.withLock { state -> (@Sendable () -> Void)? in
            guard state.end == nil else { return nil }
            return state.onCancel
        }
        finish(.cancelled)
        onCancel?()
    }

    /// The next chunk, nil at the end. Only one consumer may wait at a time.
    func next() async throws -> [UInt8]? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<[UInt8]?, any Error>) in
                enum Step { case chunk([UInt8], (@Sendable () -> Void)?), end(Result<Void, KubeError>), wait }
                let step: Step = state.withLock { state in
                    if state.head < state.chunks.count {
                        let chunk = state.chunks[state.head]
                        state.head += 1
                        state.buffered -= chunk.count
                        if state.head == state.chunks.count {
                            state.chunks.removeAll(keepingCapacity: true)
                            state.head = 0
                        }
                        var demand: (@Sendable () -> Void)?
                        if state.producerPaused, state.buffered <= highWater / 2 {
                            state.producerPaused = false
                            demand = state.onDemand
                        }
                        return .chunk(chunk, demand)
                    }
                    if let end = state.end { return .end(end) }
                    state.waiter = continuation
                    return .wait
                }
                switch step {
                case .chunk(let chunk, let demand):
                    demand?()
                    continuation.resume(returning: chunk)
                case .end(.success): continuation.resume(returning: nil)
                case .end(.failure(let error)): continuation.resume(throwing: error)
                case .wait: break
                }
            }
        } onCancel: {
            self.cancel()
        }
    }
}
