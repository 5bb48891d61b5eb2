import AdmissionServer
import Foundation
import NIOHTTP1
import KubeModel
import Prometheus
import Testing

/// The HTTPS server on loopback with a real TLS client: reviews, bad requests, health, limits.
@Suite(.timeLimit(.minutes(1))) struct WebhookServerTests {
    let pki: (ca: String, certificate: ServingCertificate)

    init() throws {
        let (ca, serving) = try CertificateDirectory.issue()
        pki = (ca.certificatePEM, try ServingCertificate(certificatePEM: serving.certificatePEM, privateKeyPEM: serving.privateKeyPEM,
                                                         logger: WebhookHarness.quietLogger))
    }

    @Test func deniesAndAllowsMicroservicesWithTheRealChecklist() async throws {
        try await WebhookHarness.withServer(certificate: pki.certificate) { port in
            try await WebhookClient.with(trusting: pki.ca, port: port) { client in
                let denied = try await client.review("/validate-microservice",
                                                     Reviews.microservice("checklist-demo/legacy-billing.yaml", mode: "enforce", uid: "legacy"))
                #expect(denied.status == 200)
                let response = try #require(denied.json?["response"])
                #expect(response["uid"] == "legacy")
                #expect(response["allowed"] == false)
                #expect(response["status"]?["code"] == 403)
                let message = response["status"]?["message"]?.stringValue ?? ""
                #expect(message.hasPrefix("Microservice demo/legacy-billing breaks "))
                #expect(message.contains("- image-pinned: "))

                let allowed = try await client.review("/validate-microservice", Reviews.microservice("minimal.yaml", uid: "minimal"))
                #expect(allowed.status == 200)
                #expect(allowed.json?["response"]?["uid"] == "minimal")
                #expect(allowed.json?["response"]?["allowed"] == true)
                #expect(allowed.json?["apiVersion"] == "admission.k8s.io/v1")
                #expect(allowed.json?["kind"] == "AdmissionReview")
            }
        }
    }

    @Test func workloadsAreDeniedWhenEnforcedAndWarnedOtherwise() async throws {
        try await WebhookHarness.withServer(certificate: pki.certificate) { port in
            try await WebhookClient.with(trusting: pki.ca, port: port) { client in
                let enforced = try await client.review("/validate-workload", Reviews.carelessDeployment())
                #expect(enforced.json?["response"]?["allowed"] == false)
                #expect(enforced.json?["response"]?["status"]?["message"]?.stringValue?.contains("Deployment demo/web breaks") == true)

                let warned = try await client.review("/validate-workload/warn", Reviews.carelessDeployment())
                #expect(warned.json?["response"]?["allowed"] == true)
                let warnings = warned.json?["response"]?["warnings"]?.arrayValue ?? []
                #expect(warnings.contains { $0.stringValue?.hasPrefix("[image-pinned]") == true })
            }
        }
    }

    static let badRequests: [(name: String, contentType: String?, body: String, reason: String)] = [
        ("wrong content type", "text/plain", "{}", "Content-Type must be application/json, not \"text/plain\""),
        ("no content type", nil, "{}", "Content-Type must be application/json, not missing"),
        ("empty body", "application/json", "", "the body is empty; expected an AdmissionReview"),
        ("malformed JSON", "application/json", "{\"apiVersion\": ", "malformed JSON: invalid JSON at byte"),
        ("not a review", "application/json; charset=utf-8", "[1, 2]", "not a valid AdmissionReview: the body must be a JSON object"),
        ("wrong kind", "application/json", #"{"apiVersion":"v1","kind":"Pod"}"#, "expected apiVersion admission.k8s.io/v1, kind AdmissionReview"),
        ("missing uid", "application/json", #"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"kind":{"kind":"Microservice"}}}"#,
         "request.uid is required"),
        ("missing object", "application/json",
         #"{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"CREATE","kind":{"group":"shipshape.dev","kind":"Microservice"}}}"#,
         "request.object is required for CREATE"),
        ("too deep", "application/json", String(repeating: "[", count: 600) + String(repeating: "]", count: 600), "nesting deeper than 512"),
        ("over 3 MiB", "application/json", "{\"x\": \"" + String(repeating: "a", count: 3 << 20) + "\"}", "the limit is 3145728"),
    ]

    @Test func badRequestsGet400WithAClearReason() async throws {
        try await WebhookHarness.withServer(certificate: pki.certificate) { port in
            try await WebhookClient.with(trusting: pki.ca, port: port) { client in
                for bad in Self.badRequests {
                    let reply = try await client.send(.POST, "/validate-microservice", body: bad.body, contentType: bad.contentType)
                    #expect(reply.status == 400, "\(bad.name): \(reply.status) \(reply.text)")
                    #expect(reply.text.contains(bad.reason), "\(bad.name): \(reply.text)")
                }
                #expect(try await client.send(.GET, "/healthz").status == 200)
            }
        }
    }

    @Test func healthMethodsAndUnknownPaths() async throws {
        try await WebhookHarness.withServer(certificate: pki.certificate) { port in
            try await WebhookClient.with(trusting: pki.ca, port: port) { client in
                let health = try await client.send(.GET, "/healthz", contentType: nil)
                #expect(health.status == 200)
                #expect(health.text == "ok\n")
                #expect(try await client.send(.GET, "/validate-microservice", contentType: nil).status == 405)
                #expect(try await client.send(.POST, "/healthz").status == 405)
                let missing = try await client.send(.POST, "/mutate-microservice", body: "{}")
                #expect(missing.status == 404)
                #expect(missing.text == "no webhook at /mutate-microservice\n")
            }
        }
    }

    @Test func beyondTheInFlightLimitRequestsGet429() async throws {
        try await WebhookHarness.withServer(certificate: pki.certificate, configuration: WebhookServerConfiguration(maxInFlight: 0)) { port in
            try await WebhookClient.with(trusting: pki.ca, port: port) { client in
                let reply = try await client.review("/validate-microservice", Reviews.microservice("minimal.yaml"))
                #expect(reply.status == 429)
                #expect(reply.text.contains("too many admission reviews in flight (limit 0)"))
                #expect(try await client.send(.GET, "/healthz", contentType: nil).status == 200)
            }
        }
    }

    @Test func metricsCountRequestsByWebhookAndCode() async throws {
        let registry = PrometheusCollectorRegistry()
        try await WebhookHarness.withServer(certificate: pki.certificate, metrics: WebhookMetrics(registry: registry)) { port in
            try await WebhookClient.with(trusting: pki.ca, port: port) { client in
                _ = try await client.review("/validate-microservice", Reviews.microservice("minimal.yaml"))
                _ = try await client.review("/validate-microservice", Reviews.microservice("minimal.yaml"))
                _ = try await client.send(.POST, "/validate-microservice", body: "nope")
                _ = try await client.review("/validate-workload", Reviews.carelessDeployment())
            }
        }
        let text = registry.emitToString()
        #expect(text.contains(#"controller_runtime_webhook_requests_total{code="200",webhook="/validate-microservice"} 2"#), "\(text)")
        #expect(text.contains(#"controller_runtime_webhook_requests_total{code="400",webhook="/validate-microservice"} 1"#))
        #expect(text.contains(#"controller_runtime_webhook_requests_total{code="200",webhook="/validate-workload"} 1"#))
        #expect(text.contains(#"controller_runtime_webhook_requests_total{code="200",webhook="/validate-workload/warn"} 0"#))
        #expect(text.contains(#"controller_runtime_webhook_latency_seconds_count{webhook="/validate-microservice"} 3"#))
        #expect(text.contains(#"controller_runtime_webhook_requests_in_flight{webhook="/validate-microservice"} 0"#))
    }

    @Test func tlsOlderThan12IsRefused() async throws {
        try await WebhookHarness.withServer(certificate: pki.certificate) { port in
            try await WebhookClient.with(trusting: pki.ca, port: port, maximumTLSVersion: .tlsv11) { client in
                await #expect(throws: (any Error).self) { try await client.send(.GET, "/healthz", contentType: nil) }
            }
            try await WebhookClient.with(trusting: pki.ca, port: port, maximumTLSVersion: .tlsv12) { client in
                let health = try await client.send(.GET, "/healthz", contentType: nil)
                #expect(health.status == 200)
            }
        }
    }

    @Test func listenAddressesParse() throws {
        #expect(try ListenAddress(parsing: "0.0.0.0:9443") == ListenAddress(host: "0.0.0.0", port: 9443))
        #expect(try ListenAddress(parsing: ":9443") == ListenAddress(host: "0.0.0.0", port: 9443))
        #expect(try ListenAddress(parsing: "[::]:8443") == ListenAddress(host: "::", port: 8443))
        #expect(try ListenAddress(parsing: "[::1]:8443").description == "[::1]:8443")
        for bad in ["9443", "host:", "host:99999", "::1:80", "[::1:80", "[]:80"] {
            #expect(throws: WebhookError.self, "\(bad)") { try ListenAddress(parsing: bad) }
        }
    }
}
