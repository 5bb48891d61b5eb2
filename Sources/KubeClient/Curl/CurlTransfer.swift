import CCurl
import Foundation

/// One transfer on the transport thread: its easy handle, the response as it arrives, and
/// where the outcome goes. Not `Sendable`: it never leaves the transport thread.
final class CurlTransfer {
    let id: UInt64
    let easy: UnsafeMutableRawPointer
    private let sink: TransferOrder.Sink
    private let maxResponseBytes: Int
    let idleTimeout: Duration?
    var lastActivity = ContinuousClock.now
    /// Paused by backpressure: the consumer has not caught up.
    var paused = false
    var resources = CurlHandleResources()

    private var status = 0
    private var headers = HTTPHeaders()
    private var headDelivered = false
    private var body: [UInt8] = []
    private var failure: TransportError?
    private var finished = false

    init(order: TransferOrder, easy: UnsafeMutableRawPointer) {
        id = order.id
        self.easy = easy
        sink = order.sink
        maxResponseBytes = order.request.maxResponseBytes
        idleTimeout = order.request.timeouts.idle
    }

    deinit {
        curl_easy_cleanup(easy)
        resources.release()
    }

    /// One header line from libcurl, CRLF included.
    func receiveHeader(_ line: String) {
        lastActivity = .now
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("HTTP/") {
            let parts = trimmed.split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            headers = HTTPHeaders()
        } else if trimmed.isEmpty {
            if status >= 200 { deliverHead() }
        } else if let colon = trimmed.firstIndex(of: ":") {
            let name = String(trimmed[..<colon])
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.add(name, value)
        }
    }

    /// Body bytes from libcurl: accepted, or pause (the stream's consumer is behind), or abort
    /// (over the size bound of a buffered response).
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> BodyVerdict {
        lastActivity = .now
        switch sink {
        case .buffered:
            guard body.count + bytes.count <= maxResponseBytes else {
                failure = TransportError(kind: .responseTooLarge, message: "over \(maxResponseBytes) bytes")
                return .abort
            }
            body.append(contentsOf: bytes)
            return .accepted
        case .streaming(_, let channel):
            deliverHead()
            if channel.offer(Array(bytes)) { return .accepted }
            paused = true
            return .pause
        }
    }

    enum BodyVerdict { case accepted, pause, abort }

    /// Ends the transfer with libcurl's result (or an error of our own, such as cancellation).
    func complete(code: CURLcode, detail: String) {
        if code == CURLE_OK {
            complete(with: nil)
        } else {
            complete(with: .transport(failure ?? TransportError(curlCode: code, detail: detail)))
        }
    }

    func complete(with error: KubeError?) {
        guard !finished else { return }
        finished = true
        switch sink {
        case .buffered(let continuation):
            if let error {
                continuation.resume(throwing: error)
            } else {
                continuation.resume(returning: HTTPResponse(status: status, headers: headers, body: body))
            }
        case .streaming(let continuation, let channel):
            if !headDelivered {
                headDelivered = true
                if let error {
                    continuation.resume(throwing: error)
                    channel.finish(error)
                    return
                }
                continuation.resume(returning: (status, headers))
            }
            channel.finish(error)
        }
    }

    private func deliverHead() {
        guard !headDelivered, case .streaming(let continuation, _) = sink else { return }
        headDelivered = true
        continuation.resume(returning: (status, headers))
    }
}

/// C memory a transfer owns while libcurl uses it.
struct CurlHandleResources {
    var headerList: UnsafeMutablePointer<curl_slist>?
    var connectTo: UnsafeMutablePointer<curl_slist>?
    var errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)

    init() { errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1) }

    var errorText: String { String(cString: errorBuffer) }

    mutating func release() {
        curl_slist_free_all(headerList)
        curl_slist_free_all(connectTo)
        headerList = nil
        connectTo = nil
        errorBuffer.deallocate()
    }
}
