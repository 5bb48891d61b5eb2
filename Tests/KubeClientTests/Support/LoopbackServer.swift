import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A request as the loopback server read it.
struct RecordedRequest: Sendable {
    var method: String
    var target: String
    var headers: [String: String]
    var body: [UInt8]
    var connection: Int

    var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }
    var query: String { target.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? "" }
    var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// A tiny HTTP/1.1 server on 127.0.0.1 with a thread per connection, for tests: each request
/// goes to `handler`, which answers through the `ServerConnection` (or never answers).
final class LoopbackServer: @unchecked Sendable {
    typealias Handler = @Sendable (RecordedRequest, ServerConnection) -> Void

    let port: Int
    private let listener: Int32
    private let handler: Handler
    private let state = NSLock()
    private var recorded: [RecordedRequest] = []
    private var connectionCount = 0

    init(handler: @escaping Handler) throws {
        self.handler = handler
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// The listener is closed only here, when the accept thread (which holds `self`) has ended:
    /// closing it in `stop` let a later close, or that thread's `accept`, hit a descriptor number
    /// the process had meanwhile given to another test's socket.
    deinit { close(listener) }

    var url: String { "http://127.0.0.1:\(port)" }

    var requests: [RecordedRequest] { state.withLock { recorded } }
    var connections: Int { state.withLock { connectionCount } }

    /// Stops accepting: the accept thread's `accept` fails and the thread ends.
    func stop() { shutdown(listener, Int32(SHUT_RDWR)) }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { return }
            let number = state.withLock { connectionCount += 1; return connectionCount }
            let connection = ServerConnection(fd: fd)
            Thread { [self] in serve(connection, number: number) }.start()
        }
    }

    private func serve(_ connection: ServerConnection, number: Int) {
        while let request = connection.readRequest(connectionNumber: number) {
            state.withLock { recorded.append(request) }
            handler(request, connection)
            if connection.isClosed { return }
        }
        connection.close()
    }
}

/// One accepted connection; the handler writes its response with these.
final class ServerConnection: @unchecked Sendable {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private let lock = NSLock()
    private var closed = false

    init(fd: Int32) { self.fd = fd }

    /// The descriptor is released only when nothing can use it any more (see `close`).
    deinit { Glibc.close(fd) }

    var isClosed: Bool { lock.withLock { closed } }

    func respond(_ status: Int, headers: [String: String] = [:], body: [UInt8]) {
        var head = "HTTP/1.1 \(status) X\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        write(Array((head + "\r\n").utf8) + body)
    }

    func respond(_ status: Int, headers: [String: String] = ["Content-Type": "application/json"], json: String) {
        respond(status, headers: headers, body: Array(json.utf8))
    }

    /// Starts a chunked response; send chunks with `chunk`, end with `endChunks`.
    func startChunked(_ status: Int = 200) {
        write(Array("HTTP/1.1 \(status) OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".utf8))
    }

    func chunk(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        write(Array((String(bytes.count, radix: 16) + "\r\n").utf8) + bytes + Array("\r\n".utf8))
    }

    func endChunks() { write(Array("0\r\n\r\n".utf8)) }

    /// Ends the connection (the client reads end of stream); the descriptor stays allocated until
    /// `deinit`, so a thread still reading or writing it never touches another socket's number.
    func close() {
        lock.withLock {
            guard !closed else { return }
            closed = true
            Glibc.shutdown(fd, Int32(SHUT_RDWR))
        }
    }

    /// Blocks until the client closes the connection (or the server's test ends it).
    func waitForClose() {
        var byte: UInt8 = 0
        while recv(fd, &byte, 1, 0) > 0 {}
        close()
    }

    private func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }

    fileprivate func readRequest(connectionNumber: Int) -> RecordedRequest? {
        guard let headEnd = readUntilHeadEnd() else { return nil }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while buffer.count < length, fill() {}
        guard buffer.count >= length else { return nil }
        let body = Array(buffer.prefix(length))
        buffer.removeFirst(length)
        return RecordedRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body,
            connection: connectionNumber)
    }

    private func readUntilHeadEnd() -> Int? {
        let marker: [UInt8] = [13, 10, 13, 10]
        while true {
            if buffer.count >= 4 {
                for index in 0...(buffer.count - 4) where buffer[index..<index + 4].elementsEqual(marker) { return index }
            }
            guard fill() else { return nil }
        }
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 16384)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer += chunk[..<count]
        return true
    }
}
