import CCurl

extension TransportError {
    /// Classifies a failed transfer. `detail` is the transfer's CURLOPT_ERRORBUFFER text, which
    /// says more than `curl_easy_strerror` (which names the file, the host, the verify error).
    init(curlCode code: CURLcode, detail: String) {
        let generic = String(cString: curl_easy_strerror(code))
        let text = detail.isEmpty ? generic : detail
        let kind: Kind
        var message = text
        switch code {
        case CURLE_PEER_FAILED_VERIFICATION:
            kind = .tls
            message = "certificate verify failed: \(text)"
        case CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE,
            CURLE_SSL_ISSUER_ERROR, CURLE_SSL_CLIENTCERT, CURLE_SSL_ENGINE_INITFAILED, CURLE_USE_SSL_FAILED,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE:
            kind = .tls
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            kind = .connect
        case CURLE_OPERATION_TIMEDOUT:
            kind = .timeout
        case CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE, CURLE_HTTP2,
            CURLE_HTTP2_STREAM:
            kind = .connectionLost
        case CURLE_FILESIZE_EXCEEDED:
            kind = .responseTooLarge
        default:
            kind = .other
        }
        self.init(kind: kind, curlCode: Int(code.rawValue), message: message)
    }
}
