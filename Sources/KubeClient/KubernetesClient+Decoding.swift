import KubeModel

extension KubernetesClient {
    /// The error for a non-2xx response: the body's Status when it is one, else a Status made
    /// from the HTTP code and the start of the body. 410 is `.gone`.
    /// The error for a non-2xx answer; a Retry-After header the Status does not repeat is kept
    /// in its `details.retryAfterSeconds`.
    static func apiError(status code: Int, body: [UInt8], retryAfter: Duration? = nil) -> KubeError {
        var status: Status
        if let value = try? JSONValue(parsingJSON: body), value["kind"]?.stringValue == "Status",
            let decoded = try? JSONValueDecoder().decode(Status.self, from: value)
        {
            status = decoded
            if status.code == nil { status.code = code }
        } else {
            let text = String(decoding: body.prefix(512), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            status = Status(message: text.isEmpty ? "HTTP \(code)" : text, reason: reason(forHTTP: code), code: code)
        }
        if let retryAfter, status.details?.retryAfterSeconds == nil {
            var details = status.details ?? StatusDetails()
            details.retryAfterSeconds = Int(retryAfter.components.seconds)
            status.details = details
        }
        return code == 410 || status.code == 410 ? .gone(status) : .api(status)
    }

    static func reason(forHTTP code: Int) -> String {
        switch code {
        case 400: return "BadRequest"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "NotFound"
        case 405: return "MethodNotAllowed"
        case 409: return "Conflict"
        case 410: return "Expired"
        case 415: return "UnsupportedMediaType"
        case 422: return "Invalid"
        case 429: return "TooManyRequests"
        case 500: return "InternalError"
        case 503: return "ServiceUnavailable"
        case 504: return "Timeout"
        default: return "Unknown"
        }
    }

    /// Decodes JSON `bytes` as `type`, naming the type and field on failure.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(KubeError) -> T {
        let value: JSONValue
        do {
            value = try JSONValue(parsingJSON: bytes)
        } catch {
            throw KubeError.decoding(type: String(describing: T.self), field: "", message: error.description)
        }
        return try decode(type, from: value)
    }

    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(KubeError) -> T {
        do {
            return try JSONValueDecoder().decode(T.self, from: value)
        } catch let error as DecodingError {
            let (path, message) = describe(error)
            throw KubeError.decoding(type: String(describing: T.self), field: path, message: message)
        } catch {
            throw KubeError.decoding(type: String(describing: T.self), field: "", message: "\(error)")
        }
    }

    /// Encodes a value as JSON bytes.
    static func encode<T: Encodable>(_ value: T) throws(KubeError) -> JSONValue {
        do {
            return try JSONValueEncoder().encode(value)
        } catch {
            throw KubeError.invalidRequest("cannot encode \(T.self): \(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> (String, String) {
        func path(_ codingPath: [any CodingKey]) -> String {
            var text = ""
            for key in codingPath {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += (text.isEmpty ? "" : ".") + key.stringValue
                }
            }
            return text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return (path(context.codingPath + [key]), "is required")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return (path(context.codingPath), context.debugDescription)
        @unknown default:
            return ("", "\(error)")
        }
    }
}
