/// A request handed to the transport thread, with where its outcome goes.
struct TransferOrder: Sendable {
    enum Sink: Sendable {
        /// Buffer the whole body and resume once.
        case buffered(CheckedContinuation<HTTPResponse, any Error>)
        /// Resume with the head as soon as it arrives, then feed the body to the channel.
        case streaming(CheckedContinuation<(Int, HTTPHeaders), any Error>, BodyChannel)
    }

    let id: UInt64
    let request: HTTPRequest
    let sink: Sink
    let userAgent: String

    /// Fails the order before it ever reached libcurl.
    func fail(_ error: KubeError) {
        switch sink {
        case .buffered(let continuation): continuation.resume(throwing: error)
        case .streaming(let continuation, _): continuation.resume(throwing: error)
        }
    }
}

/// What the transport thread is asked to do.
enum TransportCommand: Sendable {
    case start(TransferOrder)
    case cancel(UInt64)
    /// The consumer of a paused stream has room again.
    case resume(UInt64)
    case shutdown
}
