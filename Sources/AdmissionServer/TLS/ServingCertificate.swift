import Foundation
import Logging
import NIOSSL
import Synchronization

/// The certificate and key the webhook presents, replaceable without a restart.
///
/// From files (`tls.crt`/`tls.key` of a mounted Secret): each TLS handshake asks for the
/// current pair; at most once per `recheckInterval` the files' fingerprints (inode, size,
/// modification time) are compared and, when they changed, the pair is re-read. A pair that
/// cannot be read or does not match keeps the last good one in service, and is logged once per
/// change. In memory: `replace(certificatePEM:privateKeyPEM:)` swaps the pair (the certificate
/// manager does this when it issues or rotates).
public final class ServingCertificate: Sendable {
    /// Where a certificate chain and its key are read from.
    public struct Files: Sendable, Hashable {
        public var certificate: String
        public var key: String

        public init(certificate: String, key: String) {
            self.certificate = certificate
            self.key = key
        }

        /// `tls.crt` and `tls.key` in `directory`, as a `kubernetes.io/tls` Secret is mounted.
        public init(directory: String) {
            let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
            self.init(certificate: base + "/tls.crt", key: base + "/tls.key")
        }

        var display: String { "\(certificate) and \(key)" }
    }

    private struct State {
        var identity: ServingIdentity?
        var fingerprints: [FileFingerprint?] = []
        var lastCheck: ContinuousClock.Instant?
    }

    private let files: Files?
    private let recheckInterval: Duration
    private let logger: Logger
    private let clock = ContinuousClock()
    private let state: Mutex<State>

    /// A certificate read from `files`, re-read when they change. Nothing is read until the
    /// first use (or `reload()`), so a Secret volume may still be empty at start.
    public init(files: Files, recheckInterval: Duration = .seconds(1), logger: Logger = Logger(label: "shipshape.webhook.tls")) {
        self.files = files
        self.recheckInterval = recheckInterval
        self.logger = logger
        state = Mutex(State())
    }

    /// A certificate held in memory, empty until `replace(certificatePEM:privateKeyPEM:)`
    /// (the server waits for it before listening).
    public init(logger: Logger = Logger(label: "shipshape.webhook.tls")) {
        files = nil
        recheckInterval = .zero
        self.logger = logger
        state = Mutex(State())
    }

    /// A certificate held in memory, replaced with `replace(certificatePEM:privateKeyPEM:)`.
    public convenience init(certificatePEM: String, privateKeyPEM: String,
                            logger: Logger = Logger(label: "shipshape.webhook.tls")) throws(WebhookError) {
        self.init(logger: logger)
        try replace(certificatePEM: certificatePEM, privateKeyPEM: privateKeyPEM)
    }

    /// Serves a new pair from the next handshake on (for files, until they change again).
    public func replace(certificatePEM: String, privateKeyPEM: String) throws(WebhookError) {
        let identity = try ServingIdentity(certificatePEM: certificatePEM, privateKeyPEM: privateKeyPEM, source: "in-memory certificate")
        state.withLock { $0.identity = identity }
        logger.info("serving a new certificate", metadata: Self.metadata(identity))
    }

    /// Re-reads the files now, whether or not they changed; throws when they cannot be used
    /// (the last good pair stays in service). For an in-memory certificate, checks there is one.
    public func reload() throws(WebhookError) {
        guard let files else {
            if state.withLock({ $0.identity }) == nil { throw .certificate(source: "in-memory certificate", message: "none set") }
            return
        }
        let fingerprints = [FileFingerprint(path: files.certificate), FileFingerprint(path: files.key)]
        let identity = try Self.read(files)
        state.withLock {
            $0.identity = identity
            $0.fingerprints = fingerprints
            $0.lastCheck = clock.now
        }
        logger.info("loaded the serving certificate", metadata: Self.metadata(identity).merging(["files": "\(files.display)"]) { $1 })
    }

    /// Whether a pair is available to serve.
    public var isLoaded: Bool { current() != nil }

    /// The pair to present now, re-read first when the files changed.
    func current() -> ServingIdentity? {
        guard let files else { return state.withLock { $0.identity } }
        let now = clock.now
        let due = state.withLock { state -> Bool in
            if let last = state.lastCheck, now - last < recheckInterval { return false }
            state.lastCheck = now
            return true
        }
        if due { refresh(files) }
        return state.withLock { $0.identity }
    }

    /// Reads the files when their fingerprints differ from the last attempt's.
    private func refresh(_ files: Files) {
        let fingerprints = [FileFingerprint(path: files.certificate), FileFingerprint(path: files.key)]
        let changed = state.withLock { state -> Bool in
            guard state.fingerprints != fingerprints else { return false }
            state.fingerprints = fingerprints
            return true
        }
        guard changed else { return }
        do {
            let identity = try Self.read(files)
            state.withLock { $0.identity = identity }
            logger.info("loaded the serving certificate", metadata: Self.metadata(identity).merging(["files": "\(files.display)"]) { $1 })
        } catch {
            logger.warning("cannot use the serving certificate files; still serving the last good pair",
                           metadata: ["error": "\(error)"])
        }
    }

    private static func read(_ files: Files) throws(WebhookError) -> ServingIdentity {
        let certificate: String, key: String
        do {
            certificate = try String(contentsOfFile: files.certificate, encoding: .utf8)
            key = try String(contentsOfFile: files.key, encoding: .utf8)
        } catch {
            throw .certificate(source: files.display, message: "cannot read: \((error as NSError).localizedDescription)")
        }
        return try ServingIdentity(certificatePEM: certificate, privateKeyPEM: key, source: files.display)
    }

    private static func metadata(_ identity: ServingIdentity) -> Logger.Metadata {
        ["notAfter": "\(identity.notValidAfter)", "dnsNames": "\(identity.dnsNames.joined(separator: ","))"]
    }
}

extension ServingCertificate {
    /// A server TLS configuration (TLS 1.2 or newer) presenting the current pair on every
    /// handshake. Throws when there is no pair yet.
    func tlsConfiguration() throws(WebhookError) -> TLSConfiguration {
        guard let initial = current() else {
            throw .certificate(source: files?.display ?? "in-memory certificate", message: "no serving certificate loaded")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: initial.chain.map { .certificate($0) }, privateKey: .privateKey(initial.key))
        configuration.minimumTLSVersion = .tlsv12
        configuration.applicationProtocols = ["http/1.1"]
        // Called per TLS client hello, on the connection's event loop: a stat() of two files
        // at most once per recheck interval, a read only when they changed.
        configuration.sslContextCallback = { [self] _, promise in
            promise.succeed(current()?.override ?? .noChanges)
        }
        return configuration
    }
}
