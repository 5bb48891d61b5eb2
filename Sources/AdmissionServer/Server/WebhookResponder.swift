import Admission
import Hummingbird
import KubeModel
import Logging
import NIOCore

/// Answers every request: `GET /healthz`, and `POST` of an AdmissionReview to a `WebhookRoute`.
/// A request it cannot judge gets a 4xx with a one-line plain-text reason, never a crash.
struct WebhookResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let handler: AdmissionHandler
    let configuration: WebhookServerConfiguration
    let metrics: WebhookMetrics
    let limit: InFlightLimit
    let logger: Logger

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let path = request.uri.path
        if path == "/healthz" {
            return request.method == .get || request.method == .head ? Self.text(.ok, "ok") : Self.methodNotAllowed("GET")
        }
        guard let route = WebhookRoute(path: path) else { return Self.text(.notFound, "no webhook at \(path)") }
        guard request.method == .post else { return Self.methodNotAllowed("POST") }

        let clock = ContinuousClock()
        let start = clock.now
        metrics.started(route.path)
        let response = await review(request, route: route)
        metrics.finished(route.path, code: Int(response.status.code), duration: clock.now - start)
        return response
    }

    private func review(_ request: Request, route: WebhookRoute) async -> Response {
        guard limit.acquire() else {
            var response = Self.text(.tooManyRequests, "too many admission reviews in flight (limit \(limit.limit)); retry")
            response.headers[.retryAfter] = "1"
            return response
        }
        defer { limit.release() }

        let mediaType = request.headers[.contentType]?.split(separator: ";").first?.trimmingWhitespace.lowercased()
        guard mediaType == "application/json" else {
            return Self.badRequest("Content-Type must be application/json, not \(request.headers[.contentType].map { "\"\($0)\"" } ?? "missing")")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > configuration.maxBodyBytes {
            return Self.badRequest("the body is \(length) bytes; the limit is \(configuration.maxBodyBytes)")
        }
        let body: ByteBuffer
        do {
            let limitBytes = configuration.maxBodyBytes
            body = try await withDeadline(configuration.requestTimeout) { try await request.body.collect(upTo: limitBytes) }
        } catch is DeadlineExceeded {
            return Self.text(.requestTimeout, "the request body did not arrive within \(configuration.requestTimeout)")
        } catch is NIOTooManyBytesError {
            return Self.badRequest("the body is larger than the limit of \(configuration.maxBodyBytes) bytes")
        } catch {
            return Self.badRequest("cannot read the request body: \(error)")
        }
        guard body.readableBytes > 0 else { return Self.badRequest("the body is empty; expected an AdmissionReview") }

        let answer: AdmissionResponse
        do {
            let review = try JSONValue(parsingJSON: body.readableBytesView)
            let admission = try AdmissionRequest(review: review)
            switch route {
            case .microservice: answer = try handler.reviewMicroservice(admission)
            case .workloadEnforce: answer = try handler.reviewWorkload(admission, mode: .enforce)
            case .workloadWarn: answer = try handler.reviewWorkload(admission, mode: .warn)
            }
        } catch let error as JSONParseError {
            return Self.badRequest("malformed JSON: \(error)")
        } catch let error as AdmissionError {
            return Self.badRequest("not a valid AdmissionReview: \(error)")
        } catch {
            logger.error("admission review failed", metadata: ["webhook": "\(route.path)", "error": "\(error)"])
            return Self.text(.internalServerError, "the review failed: \(error)")
        }
        if !answer.allowed {
            logger.info("denied", metadata: ["webhook": "\(route.path)", "uid": "\(answer.uid)"])
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: answer.review.jsonText())))
    }

    static func badRequest(_ message: String) -> Response { text(.badRequest, message) }

    static func methodNotAllowed(_ allowed: String) -> Response {
        var response = text(.methodNotAllowed, "method not allowed; use \(allowed)")
        response.headers[.allow] = allowed
        return response
    }

    static func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: message + "\n")))
    }
}

private extension Substring {
    var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
