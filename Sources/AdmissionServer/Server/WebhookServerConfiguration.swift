/// How the webhook server listens and what it accepts.
public struct WebhookServerConfiguration: Sendable {
    /// Where to listen; port 0 lets the OS choose (tests).
    public var address: ListenAddress
    /// The largest request body accepted: the API server sends at most 3 MiB.
    public var maxBodyBytes: Int
    /// Reviews served at once; beyond this a request gets 429 at once.
    public var maxInFlight: Int
    /// How long reading a request body may take before the request gets 408.
    public var requestTimeout: Duration
    /// How long a connection may sit idle (including one that never sends a request).
    public var idleTimeout: Duration

    public init(address: ListenAddress = ListenAddress(host: "0.0.0.0", port: 9443), maxBodyBytes: Int = 3 << 20,
                maxInFlight: Int = 64, requestTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(60)) {
        self.address = address
        self.maxBodyBytes = maxBodyBytes
        self.maxInFlight = maxInFlight
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
    }
}
