import CCurl

/// libcurl 7.88 has no option to set the TLS server name alone, so a `tls-server-name` is
/// done by asking for a URL with that host and routing the connection (CURLOPT_CONNECT_TO)
/// to the real host and port. SNI and certificate verification then use the server name,
/// and the Host header keeps the real host.
struct ServerNameRoute {
    let url: String
    let connectTo: String
    let hostHeader: String

    init(url original: String, serverName: String) throws(TransportError) {
        guard let handle = curl_url() else { throw TransportError(kind: .other, message: "curl_url failed") }
        defer { curl_url_cleanup(handle) }
        guard curl_url_set(handle, CURLUPART_URL, original, 0) == CURLUE_OK else {
            throw TransportError(kind: .other, message: "malformed URL \(original)")
        }
        guard let host = Self.part(handle, CURLUPART_HOST, flags: 0),
            let port = Self.part(handle, CURLUPART_PORT, flags: UInt32(CURLU_DEFAULT_PORT))
        else { throw TransportError(kind: .other, message: "URL \(original) has no host") }
        let explicitPort = Self.part(handle, CURLUPART_PORT, flags: 0)
        guard curl_url_set(handle, CURLUPART_HOST, serverName, 0) == CURLUE_OK,
            let rewritten = Self.part(handle, CURLUPART_URL, flags: 0)
        else { throw TransportError(kind: .other, message: "invalid tls-server-name \(serverName)") }
        url = rewritten
        connectTo = "\(serverName):\(port):\(host):\(port)"
        hostHeader = explicitPort.map { "\(host):\($0)" } ?? host
    }

    private static func part(_ handle: OpaquePointer, _ what: CURLUPart, flags: UInt32) -> String? {
        var value: UnsafeMutablePointer<CChar>?
        guard curl_url_get(handle, what, &value, flags) == CURLUE_OK, let value else { return nil }
        defer { curl_free(value) }
        return String(cString: value)
    }
}
