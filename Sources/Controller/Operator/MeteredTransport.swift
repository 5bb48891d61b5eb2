import KubeClient

/// A transport that counts every API request by method and status code
/// (`rest_client_requests_total`), around the real one.
public struct MeteredTransport: HTTPTransport {
    let inner: any HTTPTransport
    let metrics: OperatorMetrics

    public init(_ inner: any HTTPTransport, metrics: OperatorMetrics) {
        self.inner = inner
        self.metrics = metrics
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            let response = try await inner.send(request)
            metrics.apiRequest(method: request.method, code: response.status)
            return response
        } catch {
            metrics.apiRequest(method: request.method, code: 0)
            throw error
        }
    }

    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        do {
            let response = try await inner.stream(request)
            metrics.apiRequest(method: request.method, code: response.status)
            return response
        } catch {
            metrics.apiRequest(method: request.method, code: 0)
            throw error
        }
    }
}
