import AdmissionServer
import Testing
@testable import shipshape

/// `shipshape webhook` and `shipshape run` share their webhook and logging options: the same
/// flags, the same environment variables, the same values, checked before anything starts.
@Suite struct WebhookCommandTests {
    private static let none: [String: String] = [:]

    @Test func theCertificateComesFromOneSource() throws {
        let files = try WebhookCommand.parse(["--webhook-cert-file", "a.crt", "--webhook-key-file", "a.key"])
        #expect(try files.settings(environment: Self.none).serving.certificate == .files(.init(certificate: "a.crt", key: "a.key")))
        let directory = try WebhookCommand.parse(["--webhook-cert-dir", "/certs/"])
        #expect(try directory.settings(environment: Self.none).serving.certificate == .files(.init(directory: "/certs")))
        let secret = try WebhookCommand.parse(["--webhook-self-signed-secret", "shipshape-system/shipshape-webhook-tls", "--context", "kind",
                                               "--webhook-service", "hooks"])
        #expect(try secret.settings(environment: Self.none).serving.certificate == .selfIssued(WebhookCertificateNames(
            namespace: "shipshape-system", secret: "shipshape-webhook-tls", service: "hooks", webhookConfiguration: "shipshape")))
        let defaults = try WebhookCommand.parse([]).settings(environment: Self.none)
        #expect(defaults.serving == .init(address: ListenAddress(host: "0.0.0.0", port: 9443), certificate: .files(.init(directory: "/etc/shipshape/webhook"))))
        #expect(defaults.logFormat == .auto && defaults.logLevel == .info)
    }

    @Test(arguments: [
        ["--webhook-cert-dir", "a", "--webhook-self-signed-secret", "ns/name"],
        ["--webhook-cert-file", "a.crt"],
        ["--webhook-self-signed-secret", "just-a-name"],
        ["--webhook-cert-dir", "a", "--kubeconfig", "k"],
        ["--webhook-address", "9443"],
        ["--log-format", "xml"],
        ["--cert-dir", "a", "--webhook-cert-dir", "b"],
    ])
    func mistakesAreRefused(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try WebhookCommand.parse(arguments) }
    }

    @Test func theEnvironmentFillsWhatTheCommandLineLeavesOut() throws {
        let environment = ["SHIPSHAPE_WEBHOOK_ADDRESS": "127.0.0.1:8443", "SHIPSHAPE_WEBHOOK_SELF_SIGNED_SECRET": "ops/tls",
                           "SHIPSHAPE_LOG_FORMAT": "auto", "SHIPSHAPE_LOG_LEVEL": "debug"]
        let fromEnvironment = try WebhookCommand.parse([]).settings(environment: environment)
        #expect(fromEnvironment.serving == .init(address: ListenAddress(host: "127.0.0.1", port: 8443),
                                                 certificate: .selfIssued(WebhookCertificateNames(namespace: "ops", secret: "tls"))))
        #expect(fromEnvironment.logFormat == .auto, "SHIPSHAPE_LOG_FORMAT=auto is honoured, not ignored")
        #expect(fromEnvironment.logLevel == .debug)
        // A certificate flag on the command line chooses the source; the variable's is not mixed in.
        let flagWins = try WebhookCommand.parse(["--webhook-cert-dir", "/certs", "--log-format", "json"]).settings(environment: environment)
        #expect(flagWins.serving.certificate == .files(.init(directory: "/certs")))
        #expect(flagWins.logFormat == .json)
    }

    @Test func badEnvironmentValuesNameTheVariableAndTheFlag() throws {
        let webhook = try WebhookCommand.parse([])
        #expect(throws: (any Error).self) { try webhook.settings(environment: ["SHIPSHAPE_LOG_FORMAT": "xml"]) }
        do {
            _ = try webhook.settings(environment: ["SHIPSHAPE_WEBHOOK_ADDRESS": "9443", "SHIPSHAPE_WEBHOOK_CERT_FILE": "a.crt"])
            Issue.record("accepted an address without a port and a certificate without its key")
        } catch {
            let message = "\(error)"
            #expect(message.contains(#"shipshape webhook: SHIPSHAPE_WEBHOOK_ADDRESS (--webhook-address) must be HOST:PORT, not "9443""#), "\(message)")
            #expect(message.contains("SHIPSHAPE_WEBHOOK_CERT_FILE (--webhook-cert-file) needs SHIPSHAPE_WEBHOOK_KEY_FILE (--webhook-key-file)"), "\(message)")
        }
    }

    @Test func theOldSpellingsStillWork() throws {
        let old = try WebhookCommand.parse(["--address", "127.0.0.1:9444", "--cert-dir", "/certs"])
        #expect(try old.settings(environment: Self.none).serving == .init(address: ListenAddress(host: "127.0.0.1", port: 9444),
                                                                          certificate: .files(.init(directory: "/certs"))))
        #expect(old.deprecated.used.map(\.new) == ["--webhook-address", "--webhook-cert-dir"])
    }

    @Test func runTakesTheSameWebhookOptions() throws {
        let arguments = ["--webhook-address", ":9443", "--webhook-self-signed-secret", "ops/tls", "--webhook-configuration", "hooks",
                         "--log-format", "text", "--log-level", "warning"]
        let run = try RunCommand.parse(arguments).settings(environment: Self.none)
        let webhook = try WebhookCommand.parse(arguments).settings(environment: Self.none)
        #expect(run.webhook == webhook.serving)
        #expect(run.logFormat == webhook.logFormat && run.logLevel == webhook.logLevel)
        #expect(try RunCommand.parse([]).settings(environment: Self.none).webhook == nil, "run serves no webhook without an address")
        #expect(throws: (any Error).self, "a certificate flag without an address would be ignored") {
            try RunCommand.parse(["--webhook-cert-dir", "/certs"])
        }
    }

    @Test func runReadsEveryOptionFromTheEnvironment() throws {
        let environment = [
            "SHIPSHAPE_NAMESPACE": "a, b", "SHIPSHAPE_CONCURRENCY": "8", "SHIPSHAPE_METRICS_ADDRESS": "127.0.0.1:9090",
            "SHIPSHAPE_LEADER_ELECT": "true", "SHIPSHAPE_LEASE_NAME": "lease", "SHIPSHAPE_LEASE_NAMESPACE": "ops",
            "SHIPSHAPE_IDENTITY": "replica-1", "SHIPSHAPE_SECRET_ROTATION": "off", "SHIPSHAPE_SHUTDOWN_TIMEOUT": "5",
            "SHIPSHAPE_WEBHOOK_ADDRESS": ":9443", "SHIPSHAPE_LOG_FORMAT": "json",
        ]
        let settings = try RunCommand.parse([]).settings(environment: environment)
        #expect(settings.namespaces == ["a", "b"] && settings.concurrency == 8 && settings.metricsAddress == ListenAddress(host: "127.0.0.1", port: 9090))
        #expect(settings.leaseNamespace == "ops" && settings.leaseName == "lease" && settings.identity == "replica-1")
        #expect(!settings.secretRotation && settings.shutdownTimeout == 5 && settings.logFormat == .json)
        #expect(settings.webhook?.certificate == .files(.init(directory: "/etc/shipshape/webhook")))
        let flags = try RunCommand.parse(["--concurrency", "2", "--no-leader-elect", "--namespace", "c"]).settings(environment: environment)
        #expect(flags.concurrency == 2 && flags.leaseNamespace == nil && flags.namespaces == ["c"], "the command line wins")
    }

    @Test func runRefusesBadValuesNamingTheFlag() throws {
        do {
            _ = try RunCommand.parse(["--concurrency", "0"])
            Issue.record("accepted --concurrency 0")
        } catch {
            #expect(RunCommand.message(for: error).contains("shipshape run: --concurrency must be an integer of at least 1, not 0"))
        }
        do {
            _ = try RunCommand.parse([]).settings(environment: ["SHIPSHAPE_LEADER_ELECT": "maybe", "SHIPSHAPE_SHUTDOWN_TIMEOUT": "soon"])
            Issue.record("accepted bad values")
        } catch {
            let message = "\(error)"
            #expect(message.contains(#"shipshape run: SHIPSHAPE_LEADER_ELECT (--leader-elect) must be true or false, not "maybe""#), "\(message)")
            #expect(message.contains(#"SHIPSHAPE_SHUTDOWN_TIMEOUT (--shutdown-timeout) must be a number of seconds of at least 0, not "soon""#), "\(message)")
        }
    }
}
