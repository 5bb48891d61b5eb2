import CCurl

/// Builds easy handles for orders. Every libcurl option the client uses is set here.
enum CurlEasy {
    static func makeTransfer(for order: TransferOrder) throws(TransportError) -> CurlTransfer {
        guard let easy = curl_easy_init() else {
            throw TransportError(kind: .other, message: "curl_easy_init failed")
        }
        let transfer = CurlTransfer(order: order, easy: easy)
        try configure(transfer, order.request, userAgent: order.userAgent)
        return transfer
    }

    private static func configure(_ transfer: CurlTransfer, _ request: HTTPRequest, userAgent: String) throws(TransportError) {
        let easy = transfer.easy
        var setter = OptionSetter(easy: easy)
        var headers = request.headers
        var url = request.url

        if let serverName = request.tls.serverName, !serverName.isEmpty {
            let route = try ServerNameRoute(url: url, serverName: serverName)
            url = route.url
            if headers["Host"] == nil { headers.set("Host", route.hostHeader) }
            transfer.resources.connectTo = curl_slist_append(nil, route.connectTo)
            setter.slist(CURLOPT_CONNECT_TO, transfer.resources.connectTo)
        }

        setter.string(CURLOPT_URL, url)
        setter.string(CURLOPT_PROTOCOLS_STR, "http,https")
        setter.long(CURLOPT_NOSIGNAL, 1)
        setter.long(CURLOPT_FOLLOWLOCATION, 0)
        setter.long(CURLOPT_TCP_KEEPALIVE, 1)
        setter.long(CURLOPT_HTTP_VERSION, shim_http_version_2tls)
        setter.long(CURLOPT_PIPEWAIT, 1)
        setter.string(CURLOPT_ACCEPT_ENCODING, "gzip")
        setter.string(CURLOPT_USERAGENT, userAgent)
        setter.pointer(CURLOPT_ERRORBUFFER, transfer.resources.errorBuffer)

        setter.long(CURLOPT_CONNECTTIMEOUT_MS, milliseconds(request.timeouts.connect))
        if let total = request.timeouts.total { setter.long(CURLOPT_TIMEOUT_MS, milliseconds(total)) }

        switch request.method {
        case "GET": setter.long(CURLOPT_HTTPGET, 1)
        default: setter.string(CURLOPT_CUSTOMREQUEST, request.method)
        }
        if let body = request.body {
            setter.offset(CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
            if body.isEmpty {
                setter.string(CURLOPT_COPYPOSTFIELDS, "")
            } else {
                body.withUnsafeBytes { bytes in
                    setter.pointer(CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
                }
            }
        }

        // An empty `Expect:` stops libcurl waiting for `100 Continue` before larger bodies.
        var list: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, "Expect:")
        for field in headers { list = curl_slist_append(list, "\(field.name): \(field.value)") }
        transfer.resources.headerList = list
        setter.slist(CURLOPT_HTTPHEADER, list)

        configureTLS(&setter, request.tls)
        configureCallbacks(&setter, transfer)
        try setter.check()
    }

    private static func configureTLS(_ setter: inout OptionSetter, _ tls: TLSOptions) {
        if tls.insecureSkipVerify {
            setter.long(CURLOPT_SSL_VERIFYPEER, 0)
            setter.long(CURLOPT_SSL_VERIFYHOST, 0)
        } else if let ca = tls.certificateAuthorityPEM {
            setter.blob(CURLOPT_CAINFO_BLOB, ca)
            // Trust only the given CA, as kubectl does: no system CA directory as well.
            setter.string(CURLOPT_CAPATH, nil)
        }
        if let certificate = tls.clientCertificatePEM, let key = tls.clientKeyPEM {
            setter.blob(CURLOPT_SSLCERT_BLOB, certificate)
            setter.string(CURLOPT_SSLCERTTYPE, "PEM")
            setter.blob(CURLOPT_SSLKEY_BLOB, key)
            setter.string(CURLOPT_SSLKEYTYPE, "PEM")
        }
    }

    private static func configureCallbacks(_ setter: inout OptionSetter, _ transfer: CurlTransfer) {
        let context = Unmanaged.passUnretained(transfer).toOpaque()
        setter.callback(CURLOPT_HEADERFUNCTION) { buffer, size, count, context in
            guard let buffer, let context else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            let length = size * count
            let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
            transfer.receiveHeader(String(decoding: bytes, as: UTF8.self))
            return length
        }
        setter.pointer(CURLOPT_HEADERDATA, context)
        setter.callback(CURLOPT_WRITEFUNCTION) { buffer, size, count, context in
            guard let buffer, let context else { return 0 }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            let length = size * count
            switch transfer.receiveBody(UnsafeRawBufferPointer(start: buffer, count: length)) {
            case .accepted: return length
            case .pause: return shim_writefunc_pause
            case .abort: return 0
            }
        }
        setter.pointer(CURLOPT_WRITEDATA, context)
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}

/// Sets options on one easy handle, remembering the first failure.
private struct OptionSetter {
    let easy: UnsafeMutableRawPointer
    private var failure: (CURLoption, CURLcode)?

    init(easy: UnsafeMutableRawPointer) { self.easy = easy }

    mutating func long(_ option: CURLoption, _ value: Int) { record(option, shim_easy_setopt_long(easy, option, value)) }
    mutating func string(_ option: CURLoption, _ value: String?) {
        guard let value else { return record(option, shim_easy_setopt_string(easy, option, nil)) }
        record(option, shim_easy_setopt_string(easy, option, value))
    }
    mutating func pointer(_ option: CURLoption, _ value: UnsafeMutableRawPointer?) {
        record(option, shim_easy_setopt_pointer(easy, option, value))
    }
    mutating func pointer(_ option: CURLoption, _ value: UnsafeMutablePointer<CChar>) {
        record(option, shim_easy_setopt_pointer(easy, option, UnsafeMutableRawPointer(value)))
    }
    mutating func slist(_ option: CURLoption, _ value: UnsafeMutablePointer<curl_slist>?) {
        record(option, shim_easy_setopt_slist(easy, option, value))
    }
    mutating func offset(_ option: CURLoption, _ value: curl_off_t) { record(option, shim_easy_setopt_offset(easy, option, value)) }
    mutating func blob(_ option: CURLoption, _ bytes: [UInt8]) {
        let code = bytes.withUnsafeBytes { shim_easy_setopt_blob(easy, option, $0.baseAddress, $0.count) }
        record(option, code)
    }
    mutating func callback(_ option: CURLoption, _ function: shim_data_callback) {
        record(option, shim_easy_setopt_data_callback(easy, option, function))
    }

    private mutating func record(_ option: CURLoption, _ code: CURLcode) {
        if code != CURLE_OK, failure == nil { failure = (option, code) }
    }

    func check() throws(TransportError) {
        guard let (option, code) = failure else { return }
        throw TransportError(kind: .other, curlCode: Int(code.rawValue),
            message: "libcurl option \(option.rawValue): \(String(cString: curl_easy_strerror(code)))")
    }
}
