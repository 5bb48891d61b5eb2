import Foundation

/// The credentials one request carries: a bearer token and/or a client certificate.
struct RequestCredentials: Sendable, Equatable {
    var bearerToken: String?
    var clientCertificatePEM: [UInt8]?
    var clientKeyPEM: [UInt8]?
}

/// Hands out current credentials: re-reads token files as they rotate, runs exec plugins and
/// caches their output until it expires, and refreshes after a 401.
actor Authenticator {
    private let source: CredentialSource
    private let now: @Sendable () -> Date
    private let runner: ExecPluginRunner
    private var cached: RequestCredentials?
    private var refreshAt: Date?
    private var pending: Task<ExecCredential, any Error>?

    init(source: CredentialSource, environment: [String: String], now: @escaping @Sendable () -> Date) {
        self.source = source
        self.now = now
        runner = ExecPluginRunner(environment: environment)
    }

    /// Whether a 401 may be cured by fetching credentials again.
    nonisolated var canRefresh: Bool {
        switch source {
        case .tokenFile, .exec: return true
        case .none, .token: return false
        }
    }

    /// Forgets cached credentials, so the next request fetches them anew.
    func invalidate() {
        refreshAt = .distantPast
    }

    func credentials() async throws(KubeError) -> RequestCredentials {
        switch source {
        case .none: return RequestCredentials()
        case .token(let token): return RequestCredentials(bearerToken: token)
        case .tokenFile(let path, let interval):
            if let cached, let refreshAt, now() < refreshAt { return cached }
            return try readTokenFile(path, interval: interval)
        case .exec(let config):
            if let cached, refreshAt.map({ now() < $0 }) ?? true { return cached }
            return try await runPlugin(config)
        }
    }

    private func readTokenFile(_ path: String, interval: Duration) throws(KubeError) -> RequestCredentials {
        let token = FileManager.default.contents(atPath: path)
            .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
        guard let token, !token.isEmpty else {
            // Keep a token that worked while its file is briefly unreadable during rotation.
            if let cached { return cached }
            throw KubeError.credentials("cannot read a token from \(path)")
        }
        let credentials = RequestCredentials(bearerToken: token)
        cached = credentials
        refreshAt = now().addingTimeInterval(Double(interval.components.seconds))
        return credentials
    }

    private func runPlugin(_ config: ExecConfig) async throws(KubeError) -> RequestCredentials {
        let task: Task<ExecCredential, any Error>
        if let pending {
            task = pending
        } else {
            let runner = self.runner
            task = Task { try await runner.run(config) }
            pending = task
        }
        defer { pending = nil }
        let output: ExecCredential
        do {
            output = try await task.value
        } catch let error as KubeError {
            throw error
        } catch {
            throw KubeError.credentials("exec plugin \(config.command): \(error)")
        }
        let credentials = RequestCredentials(bearerToken: output.token, clientCertificatePEM: output.clientCertificatePEM,
            clientKeyPEM: output.clientKeyPEM)
        store(credentials, until: output.expiration)
        return credentials
    }

    private func store(_ credentials: RequestCredentials, until expiration: Date?) {
        cached = credentials
        refreshAt = expiration
    }
}
