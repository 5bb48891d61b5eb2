import Foundation
import KubeModel
import Logging

extension KubernetesClient {
    /// Sends `request` with current credentials; retries as `RetryPolicy` says (dropped
    /// connections and 5xx of idempotent requests, any 429, a restarting server's 503 and 403);
    /// fetches credentials again once after a 401.
    /// Returns a 2xx response; anything else is thrown as a `KubeError`.
    public func send(_ request: APIRequest) async throws -> HTTPResponse {
        try await perform(request) { transport, http in
            let response = try await transport.send(http)
            return (response.status, response.headers, response)
        } errorBody: { response in response.body }
    }

    /// Opens a streaming request (a watch) with the same credential and retry rules for
    /// getting it started; the body is the caller's to read.
    func openStream(_ request: APIRequest, idleTimeout: Duration) async throws -> HTTPStreamingResponse {
        let limit = options.maxResponseBytes
        return try await perform(request, timeouts: Timeouts(connect: options.connectTimeout, total: nil, idle: idleTimeout)) {
            transport, http in
            let response = try await transport.stream(http)
            return (response.status, response.headers, response)
        } errorBody: { response in
            try await response.body.collect(upTo: limit)
        }
    }

    private func perform<Response: Sendable>(
        _ request: APIRequest, timeouts: Timeouts? = nil,
        exchange: (any HTTPTransport, HTTPRequest) async throws -> (Int, HTTPHeaders, Response),
        errorBody: (Response) async throws -> [UInt8]
    ) async throws -> Response {
        let retry = options.retry
        var attempts = (standard: 1, recovery: 1)
        var refreshedCredentials = false
        while true {
            if Task.isCancelled { throw KubeError.cancelled }
            let http = try await httpRequest(for: request, timeouts: timeouts)
            let started = ContinuousClock.now
            let waitBeforeRetry: Duration
            do {
                let (status, headers, response) = try await exchange(transport, http)
                logger.debug("\(request.method) \(request.path) -> \(status)", metadata: ["elapsed": "\(ContinuousClock.now - started)"])
                if (200..<300).contains(status) { return response }
                let retryAfter = RetryPolicy.retryAfter(header: headers["Retry-After"])
                let error = Self.apiError(status: status, body: try await errorBody(response), retryAfter: retryAfter)
                if status == 401, authenticator.canRefresh, !refreshedCredentials {
                    refreshedCredentials = true
                    await authenticator.invalidate()
                    logger.info("\(request.method) \(request.path): 401, fetching credentials again")
                    continue
                }
                let recentlyUnavailable = availability.wasUnavailable(within: retry.recoveryWindow)
                if RetryPolicy.signalsUnavailable(status: status) { availability.markUnavailable() }
                let schedule = RetryPolicy.schedule(status: status, idempotent: request.idempotent, hasRetryAfter: error.retryAfter != nil,
                                                    recentlyUnavailable: recentlyUnavailable)
                switch schedule {
                case .recovery? where retry.recovery.allowsRetry(after: attempts.recovery):
                    waitBeforeRetry = retry.recovery.delay(retry: attempts.recovery - 1, retryAfter: error.retryAfter, unitRandom: retry.random())
                    attempts.recovery += 1
                case .standard? where retry.backoff.allowsRetry(after: attempts.standard):
                    waitBeforeRetry = retry.backoff.delay(retry: attempts.standard - 1, retryAfter: error.retryAfter, unitRandom: retry.random())
                    attempts.standard += 1
                default:
                    throw error
                }
                logger.debug("\(request.method) \(request.path): \(status), retrying in \(waitBeforeRetry)")
            } catch KubeError.transport(let failure) where failure.isRetryable {
                availability.markUnavailable()
                guard request.idempotent, retry.backoff.allowsRetry(after: attempts.standard) else { throw KubeError.transport(failure) }
                waitBeforeRetry = retry.backoff.delay(retry: attempts.standard - 1, retryAfter: nil, unitRandom: retry.random())
                attempts.standard += 1
                logger.debug("\(request.method) \(request.path): \(failure), retrying in \(waitBeforeRetry)")
            }
            do {
                try await retry.sleep(waitBeforeRetry)
            } catch {
                throw KubeError.cancelled
            }
        }
    }

    private func httpRequest(for request: APIRequest, timeouts: Timeouts?) async throws(KubeError) -> HTTPRequest {
        let credentials = try await authenticator.credentials()
        var headers = HTTPHeaders([("Accept", request.accept)])
        if let contentType = request.contentType { headers.add("Content-Type", contentType) }
        if let token = credentials.bearerToken { headers.add("Authorization", "Bearer \(token)") }
        var tls = configuration.tls
        if let certificate = credentials.clientCertificatePEM, let key = credentials.clientKeyPEM {
            tls.clientCertificatePEM = certificate
            tls.clientKeyPEM = key
        }
        return HTTPRequest(
            method: request.method, url: request.url(server: configuration.server), headers: headers, body: request.body, tls: tls,
            timeouts: timeouts ?? Timeouts(connect: options.connectTimeout, total: options.requestTimeout),
            maxResponseBytes: options.maxResponseBytes)
    }
}
