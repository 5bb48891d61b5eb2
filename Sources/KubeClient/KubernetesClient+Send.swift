import Foundation
import KubeModel
import Logging

extension KubernetesClient {
    /// Sends `request` with current credentials; retries idempotent requests after 429, 5xx
    /// and dropped connections with backoff; fetches credentials again once after a 401.
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
        var attempt = 1
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
                let error = Self.apiError(status: status, body: try await errorBody(response))
                if status == 401, authenticator.canRefresh, !refreshedCredentials {
                    refreshedCredentials = true
                    await authenticator.invalidate()
                    logger.info("\(request.method) \(request.path): 401, fetching credentials again")
                    continue
                }
                guard request.idempotent, RetryPolicy.isRetryable(status: status), retry.backoff.allowsRetry(after: attempt) else {
                    throw error
                }
                let retryAfter = RetryPolicy.retryAfter(header: headers["Retry-After"])
                    ?? error.status?.details?.retryAfterSeconds.map { Duration.seconds($0) }
                waitBeforeRetry = retry.backoff.delay(retry: attempt - 1, retryAfter: retryAfter, unitRandom: retry.random())
                logger.notice("\(request.method) \(request.path): \(status), retrying in \(waitBeforeRetry)")
            } catch KubeError.transport(let failure) where request.idempotent && failure.isRetryable && retry.backoff.allowsRetry(after: attempt) {
                waitBeforeRetry = retry.backoff.delay(retry: attempt - 1, retryAfter: nil, unitRandom: retry.random())
                logger.notice("\(request.method) \(request.path): \(failure), retrying in \(waitBeforeRetry)")
            }
            do {
                try await retry.sleep(waitBeforeRetry)
            } catch {
                throw KubeError.cancelled
            }
            attempt += 1
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
