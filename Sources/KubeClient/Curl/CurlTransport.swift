import CCurl
import Foundation
import KubeModel

private let curlGlobalInit: CURLcode = curl_global_init(shim_global_default)

/// The libcurl transport: one multi handle on a dedicated thread drives every request, so
/// many requests (and watches) share connections, multiplexed over HTTP/2 where the server
/// offers it. Requests are bridged to async/await and cancelled with their task.
public final class CurlTransport: HTTPTransport {
    private let mailbox: CurlMailbox
    private let nextID = Locked<UInt64>(0)
    private let userAgent: String
    private let streamBufferBytes: Int

    /// Starts the transport thread. `streamBufferBytes` bounds what a stream buffers for a
    /// consumer that is behind before the transfer pauses.
    public init(userAgent: String = "shipshape/\(ShipshapeVersion.current)", streamBufferBytes: Int = 1 << 20) throws {
        guard curlGlobalInit == CURLE_OK else {
            let reason = shim_curl_load_error().map { String(cString: $0) } ?? "curl_global_init failed"
            throw KubeError.transport(TransportError(kind: .other, message: reason))
        }
        guard let multi = curl_multi_init() else {
            throw KubeError.transport(TransportError(kind: .other, message: "curl_multi_init failed"))
        }
        shim_multi_setopt_long(multi, CURLMOPT_PIPELINING, shim_pipe_multiplex)
        let mailbox = CurlMailbox(multi: multi)
        self.mailbox = mailbox
        self.userAgent = userAgent
        self.streamBufferBytes = streamBufferBytes
        let thread = Thread { CurlMultiLoop(mailbox: mailbox).run() }
        thread.name = "shipshape-curl"
        thread.start()
    }

    deinit { mailbox.post(.shutdown) }

    /// libcurl's version text (`libcurl/7.88.1 OpenSSL/3.0 ... nghttp2/1.52.0`).
    public static var libcurlVersion: String { String(cString: curl_version()) }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let id = makeID()
        let gate = StartGate()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let order = TransferOrder(id: id, request: request, sink: .buffered(continuation), userAgent: userAgent)
                gate.start(order, mailbox: mailbox)
            }
        } onCancel: {
            gate.cancel(id, mailbox: mailbox)
        }
    }

    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        let id = makeID()
        let gate = StartGate()
        let channel = BodyChannel(highWater: streamBufferBytes)
        let mailbox = self.mailbox
        channel.setHandlers(
            onDemand: { mailbox.post(.resume(id)) },
            onCancel: { mailbox.post(.cancel(id)) })
        let (status, headers) = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let order = TransferOrder(id: id, request: request, sink: .streaming(continuation, channel), userAgent: userAgent)
                gate.start(order, mailbox: mailbox)
            }
        } onCancel: {
            gate.cancel(id, mailbox: mailbox)
        }
        return HTTPStreamingResponse(status: status, headers: headers, body: ResponseBody(channel: channel))
    }

    private func makeID() -> UInt64 {
        nextID.withLock {
            $0 += 1
            return $0
        }
    }
}

/// Orders a request's start and its cancellation, so a cancel never overtakes its start.
private final class StartGate: Sendable {
    private let cancelled = Locked(false)

    func start(_ order: TransferOrder, mailbox: CurlMailbox) {
        cancelled.withLock { cancelled in
            if cancelled {
                order.fail(.cancelled)
            } else if !mailbox.post(.start(order)) {
                order.fail(.transport(TransportError(kind: .shutdown, message: "client closed")))
            }
        }
    }

    func cancel(_ id: UInt64, mailbox: CurlMailbox) {
        cancelled.withLock { cancelled in
            cancelled = true
            mailbox.post(.cancel(id))
        }
    }
}
