import Certificates
import Foundation
import Hummingbird
import HummingbirdTLS
import KubeModel
import Logging
import NIOSSL

/// The test webhook the recording harness ran for the `webhook` cases (the kube-replay README):
/// HTTPS on 127.0.0.1 with its own CA; `/validate` denies names starting with `deny-` (403,
/// `fid webhook denies <name>`), warns `fid webhook warning` for names starting with `warn-`
/// and allows the rest; `/mutate` adds the label `mutated-by: fid-webhook` with a JSONPatch.
enum ReplayWebhook {
    /// Runs the webhook for the duration of `body`, which gets its origin
    /// (`https://127.0.0.1:PORT`) and its CA as a base64 `caBundle`.
    static func withRunning<Result>(_ body: (_ origin: String, _ caBundle: String) async throws -> Result) async throws -> Result {
        let ca = try CertificateAuthority(commonName: "fid-webhook-ca", now: Date())
        let serving = try ca.serverCertificate(commonName: "fid-webhook", dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"], now: Date())
        let tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(serving.certificatePEM.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(serving.privateKeyPEM.utf8), format: .pem)))
        let router = Router()
        router.post("validate") { request, _ in try await answer(request, with: validate) }
        router.post("mutate") { request, _ in try await answer(request, with: mutate) }
        var logger = Logger(label: "replay-webhook")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router, server: try .tls(.http1(), tlsConfiguration: tls),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0), serverName: "fid-webhook"),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { continuation.finish() }
                try await app.run()
            }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else { throw ReplayDataError("the replay webhook stopped before listening") }
            return try await body("https://127.0.0.1:\(port)", Data(ca.certificatePEM.utf8).base64EncodedString())
        }
    }

    /// The AdmissionReview response to a posted review, its `response` made by `decide` from the request.
    private static func answer(_ request: Request, with decide: (JSONValue) -> JSONObject) async throws -> Response {
        let body = try await request.body.collect(upTo: 4 << 20)
        let review = try JSONValue(parsingJSON: Array(buffer: body))
        var response = decide(review["request"] ?? .null)
        response["uid"] = review["request"]?["uid"] ?? ""
        let answer: JSONValue = ["apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "response": .object(response)]
        return Response(status: .ok, headers: [.contentType: "application/json"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: answer.jsonText())))
    }

    static func validate(_ request: JSONValue) -> JSONObject {
        let name = request["object"]?["metadata"]?["name"]?.stringValue ?? request["name"]?.stringValue ?? ""
        if name.hasPrefix("deny-") {
            return ["allowed": false, "status": ["code": 403, "reason": "Forbidden", "message": .string("fid webhook denies \(name)")]]
        }
        if name.hasPrefix("warn-") { return ["allowed": true, "warnings": ["fid webhook warning"]] }
        return ["allowed": true]
    }

    static func mutate(_ request: JSONValue) -> JSONObject {
        let hasLabels = request["object"]?["metadata"]?["labels"]?.objectValue != nil
        let operation: JSONValue = hasLabels
            ? ["op": "add", "path": "/metadata/labels/mutated-by", "value": "fid-webhook"]
            : ["op": "add", "path": "/metadata/labels", "value": ["mutated-by": "fid-webhook"]]
        let patch = Data(JSONValue.array([operation]).jsonText().utf8).base64EncodedString()
        return ["allowed": true, "patchType": "JSONPatch", "patch": .string(patch)]
    }
}
