import Admission
import AdmissionServer
import AsyncHTTPClient
import Certificates
import Checklist
import Foundation
import KubeModel
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL
import Prometheus

/// A CA and a serving certificate for 127.0.0.1, written as `tls.crt`/`tls.key` the way the
/// kubelet mounts a Secret: files behind a `..data` symlink that is swapped atomically.
struct CertificateDirectory {
    let path: String
    private var generation = 0

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("webhook-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A new CA and a serving certificate it signed for 127.0.0.1.
    static func issue() throws -> (ca: CertificateAuthority, serving: CertificateAuthority.Issued) {
        let ca = try CertificateAuthority(commonName: "test-ca-\(UUID().uuidString.prefix(8))", now: Date())
        let serving = try ca.serverCertificate(commonName: "webhook", dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"], now: Date())
        return (ca, serving)
    }

    /// Publishes a new pair: writes a fresh `..N` directory, then swaps `..data` to it.
    mutating func publish(certificatePEM: String, keyPEM: String) throws {
        generation += 1
        let fileManager = FileManager.default
        let version = "..\(generation)"
        try fileManager.createDirectory(atPath: "\(path)/\(version)", withIntermediateDirectories: true)
        try certificatePEM.write(toFile: "\(path)/\(version)/tls.crt", atomically: false, encoding: .utf8)
        try keyPEM.write(toFile: "\(path)/\(version)/tls.key", atomically: false, encoding: .utf8)
        try fileManager.createSymbolicLink(atPath: "\(path)/..data_tmp", withDestinationPath: version)
        guard rename("\(path)/..data_tmp", "\(path)/..data") == 0 else { throw CocoaError(.fileWriteUnknown) }
        for name in ["tls.crt", "tls.key"] where (try? fileManager.destinationOfSymbolicLink(atPath: "\(path)/\(name)")) == nil {
            try fileManager.createSymbolicLink(atPath: "\(path)/\(name)", withDestinationPath: "..data/\(name)")
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Runs a webhook server on 127.0.0.1 with an OS-chosen port for the duration of `body`;
/// `whileStarting` runs after the server task started, before it is known to listen.
enum WebhookHarness {
    static var quietLogger: Logger {
        var logger = Logger(label: "webhook-test")
        logger.logLevel = .critical
        return logger
    }

    static func withServer<Result>(
        certificate: ServingCertificate, configuration: WebhookServerConfiguration = WebhookServerConfiguration(),
        metrics: WebhookMetrics = WebhookMetrics(registry: PrometheusCollectorRegistry()),
        whileStarting: () async throws -> Void = {},
        _ body: (_ port: Int) async throws -> Result
    ) async throws -> Result {
        let server = LoopbackWebhookServer(handler: AdmissionHandler(checklist: Checklist()), certificate: certificate,
                                           configuration: configuration, metrics: metrics,
                                           certificatePollInterval: .milliseconds(5), logger: quietLogger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            defer { group.cancelAll() }
            try await whileStarting()
            guard let port = await server.port() else { throw WebhookError.server("stopped before listening") }
            return try await body(port)
        }
    }
}

/// A response as the tests read it.
struct WebhookReply {
    var status: Int
    var text: String
    var json: JSONValue? { try? JSONValue(parsingJSON: text) }
}

/// An HTTPS client that trusts only `caPEM` (every certificate in it) and sends to
/// 127.0.0.1:`port`; `verifyHostname: false` for certificates issued to the Service's names.
struct WebhookClient {
    let http: HTTPClient
    let port: Int

    @discardableResult
    static func with<T>(trusting caPEM: String, port: Int, verifyHostname: Bool = true, maximumTLSVersion: TLSVersion? = nil,
                        _ body: (WebhookClient) async throws -> T) async throws -> T {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.maximumTLSVersion = maximumTLSVersion
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(Array(caPEM.utf8)))
        if !verifyHostname { tls.certificateVerification = .noHostnameVerification }
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
        configuration.httpVersion = .http1Only
        configuration.connectionPool.retryConnectionEstablishment = false  // a refused certificate fails at once
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let result = try await body(WebhookClient(http: http, port: port))
            try await http.shutdown()
            return result
        } catch {
            try? await http.shutdown()
            throw error
        }
    }

    func send(_ method: HTTPMethod = .POST, _ path: String, body: String? = nil, contentType: String? = "application/json") async throws -> WebhookReply {
        var request = HTTPClientRequest(url: "https://127.0.0.1:\(port)\(path)")
        request.method = method
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await http.execute(request, timeout: .seconds(20))
        let buffer = try await response.body.collect(upTo: 16 << 20)
        return WebhookReply(status: Int(response.status.code), text: String(buffer: buffer))
    }

    func review(_ path: String, _ review: JSONValue) async throws -> WebhookReply {
        try await send(.POST, path, body: review.jsonText())
    }
}

/// AdmissionReview bodies built from the repository's examples.
enum Reviews {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples")

    static func review(_ object: JSONValue, kind: (group: String, version: String, kind: String), uid: String = "uid-1",
                       operation: String = "CREATE") -> JSONValue {
        [
            "apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview",
            "request": [
                "uid": .string(uid), "kind": ["group": .string(kind.group), "version": .string(kind.version), "kind": .string(kind.kind)],
                "namespace": "demo", "operation": .string(operation), "object": object,
            ],
        ]
    }

    /// A Microservice example as a CREATE review, optionally forcing its checklist mode.
    static func microservice(_ file: String, mode: String? = nil, uid: String = "uid-1") throws -> JSONValue {
        let path = examples.appendingPathComponent(file).path
        guard var object = try SourceReader.objects(in: String(contentsOfFile: path, encoding: .utf8), file: path).first?.value else {
            throw WebhookError.server("no object in \(file)")
        }
        if let mode { object["spec"]?["checklist"] = ["mode": .string(mode)] }
        return review(object, kind: ("shipshape.dev", "v1alpha1", "Microservice"), uid: uid)
    }

    /// A Deployment with an unpinned image and no resources: the checklist denies it in enforce mode.
    static func carelessDeployment(uid: String = "uid-2") -> JSONValue {
        let deployment: JSONValue = [
            "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": "web", "namespace": "demo"],
            "spec": [
                "replicas": 1, "selector": ["matchLabels": ["app": "web"]],
                "template": ["metadata": ["labels": ["app": "web"]], "spec": ["containers": [["name": "web", "image": "nginx:latest"]]]],
            ],
        ]
        return review(deployment, kind: ("apps", "v1", "Deployment"), uid: uid)
    }
}
