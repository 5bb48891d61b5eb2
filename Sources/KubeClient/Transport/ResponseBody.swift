/// A streamed response body: chunks of bytes as they arrive, with backpressure. Dropping every
/// copy of the body (or cancelling the task that reads it) stops the transfer.
public struct ResponseBody: AsyncSequence, Sendable {
    public typealias Element = [UInt8]

    private let owner: Owner

    /// A body read from `channel`, whose producer the caller feeds.
    public init(channel: BodyChannel) { owner = Owner(channel: channel) }

    /// A body of fixed bytes, for tests and fakes.
    public init(bytes: [UInt8]) {
        let channel = BodyChannel(highWater: Swift.max(1, bytes.count))
        if !bytes.isEmpty { channel.offer(bytes) }
        channel.finish()
        self.init(channel: channel)
    }

    /// Reads the whole body, failing with `.responseTooLarge` beyond `limit` bytes.
    public func collect(upTo limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in self {
            bytes += chunk
            if bytes.count > limit {
                owner.channel.cancel()
                throw KubeError.transport(TransportError(kind: .responseTooLarge, message: "over \(limit) bytes"))
            }
        }
        return bytes
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(owner: owner) }

    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate let owner: Owner

        public mutating func next() async throws -> [UInt8]? { try await owner.channel.next() }
    }

    /// Cancels the transfer when the last reader is gone.
    fileprivate final class Owner: Sendable {
        let channel: BodyChannel
        init(channel: BodyChannel) { self.channel = channel }
        deinit { channel.cancel() }
    }
}
