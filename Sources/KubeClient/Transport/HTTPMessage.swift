/// Header fields in order; names compare case-insensitively.
public struct HTTPHeaders: Sendable, Hashable, Sequence {
    public private(set) var fields: [Field] = []

    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public init(_ pairs: [(String, String)] = []) {
        for (name, value) in pairs { add(name, value) }
    }

    public mutating func add(_ name: String, _ value: String) { fields.append(Field(name: name, value: value)) }

    /// Sets `name` to `value`, replacing any earlier fields of that name.
    public mutating func set(_ name: String, _ value: String) {
        fields.removeAll { $0.name.lowercased() == name.lowercased() }
        add(name, value)
    }

    /// The first value of `name`.
    public subscript(name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name.lowercased() == lower }?.value
    }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }
}

/// One HTTP request as the transport sends it.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: HTTPHeaders
    public var body: [UInt8]?
    public var tls: TLSOptions
    public var timeouts: Timeouts
    /// The largest body accepted for a buffered response.
    public var maxResponseBytes: Int

    public init(
        method: String, url: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8]? = nil,
        tls: TLSOptions = TLSOptions(), timeouts: Timeouts = Timeouts(), maxResponseBytes: Int = 64 << 20
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.tls = tls
        self.timeouts = timeouts
        self.maxResponseBytes = maxResponseBytes
    }
}

/// TLS settings for one request, all from memory.
public struct TLSOptions: Sendable, Hashable {
    /// PEM CA bundle to trust instead of the system's; nil uses the system's.
    public var certificateAuthorityPEM: [UInt8]?
    /// PEM client certificate and key.
    public var clientCertificatePEM: [UInt8]?
    public var clientKeyPEM: [UInt8]?
    /// Skips certificate verification (kubeconfig `insecure-skip-tls-verify`).
    public var insecureSkipVerify: Bool
    /// The name to send as SNI and verify the certificate against, instead of the URL's host.
    public var serverName: String?

    public init(
        certificateAuthorityPEM: [UInt8]? = nil, clientCertificatePEM: [UInt8]? = nil, clientKeyPEM: [UInt8]? = nil,
        insecureSkipVerify: Bool = false, serverName: String? = nil
    ) {
        self.certificateAuthorityPEM = certificateAuthorityPEM
        self.clientCertificatePEM = clientCertificatePEM
        self.clientKeyPEM = clientKeyPEM
        self.insecureSkipVerify = insecureSkipVerify
        self.serverName = serverName
    }
}

/// How long a request may take. Streams set `total` to nil and use `idle` instead.
public struct Timeouts: Sendable, Hashable {
    public var connect: Duration
    /// The whole exchange; nil for none.
    public var total: Duration?
    /// The longest silence on a streaming response before it is failed; nil for none.
    public var idle: Duration?

    public init(connect: Duration = .seconds(10), total: Duration? = .seconds(60), idle: Duration? = nil) {
        self.connect = connect
        self.total = total
        self.idle = idle
    }
}

/// A complete, buffered response.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// A response whose body arrives as it is received.
public struct HTTPStreamingResponse: Sendable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: ResponseBody

    public init(status: Int, headers: HTTPHeaders, body: ResponseBody) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Sends HTTP requests. `CurlTransport` is the real one; tests may inject their own.
/// Implementations throw `KubeError.transport` or `KubeError.cancelled`.
public protocol HTTPTransport: Sendable {
    /// Sends `request` and returns the whole response, failing over `maxResponseBytes`.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
    /// Sends `request` and returns once the response head has arrived.
    func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse
}
