import AdmissionServer
import AsyncHTTPClient
import Certificates
import Foundation
import KubeModel
import KubeSandbox
import NIOCore
import NIOHTTP1
import Testing

/// KubeSandbox calls admission webhooks as a real API server does: the ValidatingWebhookConfiguration
/// shipped in Deploy/ (by Service reference, trusted through its caBundle) reaches the webhook
/// server, whose denials, warnings and failures come back as the API server reports them.
@Suite(.serialized, .timeLimit(.minutes(1))) struct SandboxDispatchTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let service = "shipshape-system/shipshape-webhook:443"

    /// A webhook server with a certificate for the Service's DNS name, and a sandbox that routes
    /// that Service to it, with the CRD, namespace `demo` and Deploy/'s webhook configuration.
    static func withSandboxAndWebhook(_ body: (KubeSandbox, SandboxHTTP) async throws -> Void) async throws {
        let ca = try CertificateAuthority(commonName: "dispatch-test-ca", now: Date())
        let serving = try ca.serverCertificate(commonName: "shipshape-webhook", dnsNames: ["shipshape-webhook.shipshape-system.svc"],
                                               ipAddresses: [], now: Date())
        let certificate = try ServingCertificate(certificatePEM: serving.certificatePEM, privateKeyPEM: serving.privateKeyPEM,
                                                 logger: WebhookHarness.quietLogger)
        try await WebhookHarness.withServer(certificate: certificate) { port in
            try await KubeSandbox.withRunning(SandboxOptions(serviceAddresses: [service: "127.0.0.1:\(port)"])) { sandbox in
                let http = SandboxHTTP(url: sandbox.url, token: sandbox.adminToken)
                do {
                    try await prepare(http, trusting: ca)
                    try await body(sandbox, http)
                    try await http.client.shutdown()
                } catch {
                    try? await http.client.shutdown()
                    throw error
                }
            }
        }
    }

    /// The CRD, namespace `demo`, and Deploy/'s webhook configuration trusting `ca`.
    static func prepare(_ http: SandboxHTTP, trusting ca: CertificateAuthority) async throws {
        #expect(try await http.send(.POST, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
                                    try document("CRDs/microservices.shipshape.dev.yaml")).status == 201)
        #expect(try await http.send(.POST, "/api/v1/namespaces",
                                    ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": "demo"]]).status == 201)
        var configuration = try document("Deploy/base/webhook.yaml")
        let bundle = JSONValue.string(Data(ca.certificatePEM.utf8).base64EncodedString())
        configuration["webhooks"] = .array((configuration["webhooks"]?.arrayValue ?? []).map { webhook in
            var webhook = webhook
            webhook["clientConfig"]?["caBundle"] = bundle
            return webhook
        })
        #expect(try await http.send(.POST, "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations",
                                    configuration).status == 201)
    }

    static func document(_ path: String) throws -> JSONValue {
        let file = root.appendingPathComponent(path).path
        guard let object = try SourceReader.objects(in: String(contentsOfFile: file, encoding: .utf8), file: file).first else {
            throw WebhookError.server("no document in \(path)")
        }
        return object.value
    }

    static func legacyBilling(mode: String) throws -> JSONValue {
        var object = try document("Examples/checklist-demo/legacy-billing.yaml")
        object["spec"]?["checklist"] = ["mode": .string(mode)]
        return object
    }

    @Test func enforceDeniesWithTheWebhooksMessageAndNothingIsStored() async throws {
        try await Self.withSandboxAndWebhook { _, http in
            let path = "/apis/shipshape.dev/v1alpha1/namespaces/demo/microservices"
            let denied = try await http.send(.POST, path, try Self.legacyBilling(mode: "enforce"))
            #expect(denied.status == 403)
            let message = denied.json?["message"]?.stringValue ?? ""
            #expect(message.hasPrefix("admission webhook \"microservices.shipshape.dev\" denied the request: Microservice demo/legacy-billing breaks "))
            #expect(message.contains("- image-pinned: "))
            #expect(denied.json?["code"] == 403)
            #expect(try await http.send(.GET, path + "/legacy-billing").status == 404)

            let dryRun = try await http.send(.POST, path + "?dryRun=All", try Self.legacyBilling(mode: "enforce"))
            #expect(dryRun.status == 403, "a dry run still calls a webhook without side effects")
        }
    }

    @Test func warnModeIsAdmittedWithTheFindingsAsWarnings() async throws {
        try await Self.withSandboxAndWebhook { _, http in
            let created = try await http.send(.POST, "/apis/shipshape.dev/v1alpha1/namespaces/demo/microservices", try Self.legacyBilling(mode: "warn"))
            #expect(created.status == 201)
            #expect(created.warnings.contains { $0.contains("[image-pinned]") })
        }
    }

    @Test func failurePolicyFailRefusesAndIgnoreAdmitsWhenTheWebhookIsUnreachable() async throws {
        try await Self.withSandboxAndWebhook { _, http in
            for (policy, expected) in [("Ignore", 201), ("Fail", 500)] {
                let configuration: JSONValue = [
                    "apiVersion": "admissionregistration.k8s.io/v1", "kind": "ValidatingWebhookConfiguration",
                    "metadata": ["name": .string("unreachable-\(policy.lowercased())")],
                    "webhooks": [[
                        "name": "unreachable.example.com", "admissionReviewVersions": ["v1"], "sideEffects": "None",
                        "failurePolicy": .string(policy), "timeoutSeconds": 2,
                        "clientConfig": ["url": "https://127.0.0.1:9/validate"],
                        "rules": [["apiGroups": [""], "apiVersions": ["v1"], "operations": ["CREATE"], "resources": ["configmaps"], "scope": "*"]],
                    ]],
                ]
                #expect(try await http.send(.POST, "/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations", configuration).status == 201)
                let answer = try await http.send(.POST, "/api/v1/namespaces/demo/configmaps",
                                                 ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string("cm-\(policy.lowercased())")]])
                #expect(answer.status == expected, "failurePolicy \(policy)")
                if expected == 500 {
                    #expect(answer.json?["reason"] == "InternalError")
                    #expect(answer.json?["message"]?.stringValue?.hasPrefix(
                        "Internal error occurred: failed calling webhook \"unreachable.example.com\": failed to call webhook: Post \"https://127.0.0.1:9/validate?timeout=2s\": dial tcp 127.0.0.1:9: connect: connection refused") == true)
                }
            }
        }
    }
}

/// Plain HTTP to the sandbox as its admin, returning status, JSON and Warning headers.
struct SandboxHTTP {
    let url: String
    let token: String
    let client = HTTPClient(eventLoopGroupProvider: .singleton)

    struct Reply {
        var status: Int
        var json: JSONValue?
        var warnings: [String]
    }

    func send(_ method: HTTPMethod, _ path: String, _ body: JSONValue? = nil) async throws -> Reply {
        var request = HTTPClientRequest(url: url + path)
        request.method = method
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "Authorization", value: "Bearer " + token)
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body.jsonText()))
        }
        let response = try await client.execute(request, timeout: .seconds(20))
        let buffer = try await response.body.collect(upTo: 16 << 20)
        return Reply(status: Int(response.status.code), json: try? JSONValue(parsingJSON: Array(buffer.readableBytesView)),
                     warnings: response.headers["Warning"])
    }
}
