import Foundation
import Testing

/// One exit-code scheme for every command: 0 ok, 1 findings (or differences, denials, workloads
/// not importable), 2 invalid input or usage, 3 a failure while running. Cases that need a live
/// cluster for 0 and 1 are in the commands' own tests.
@Suite struct ExitCodeCLITests {
    /// A kubeconfig that does not exist: loading it is a failure at run time.
    static let missingKubeconfig = "/nonexistent/shipshape/kubeconfig"

    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var status: Int32
        var environment: [String: String] = [:]
        /// What standard error must name (the flag, the file).
        var names: String?
        var testDescription: String { "\(arguments.joined(separator: " ")) exits \(status)" }
    }

    @Test(arguments: [
        Case(arguments: ["render", "Examples/minimal.yaml"], status: 0),
        Case(arguments: ["render", "--strict", "Examples/checklist-demo/legacy-billing.yaml"], status: 1),
        Case(arguments: ["render", "no/such/file.yaml"], status: 2, names: "no/such/file.yaml"),
        Case(arguments: ["render", "--bogus", "Examples/minimal.yaml"], status: 2, names: "--bogus"),
        Case(arguments: ["audit", "Examples/shop"], status: 0),
        Case(arguments: ["audit", "Examples/checklist-demo"], status: 1),
        Case(arguments: ["audit", "no/such/file.yaml"], status: 2, names: "no/such/file.yaml"),
        Case(arguments: ["audit", "--fail-on", "sometimes", "Examples/shop"], status: 2, names: "--fail-on"),
        Case(arguments: ["audit", "-n", "shop", "--kubeconfig", missingKubeconfig], status: 3, names: missingKubeconfig),
        Case(arguments: ["import", "Tests/Fixtures/import/boutique"], status: 0),
        Case(arguments: ["import", "Tests/Fixtures/import/sockshop"], status: 1),
        Case(arguments: ["import", "Tests/Fixtures/import/bad"], status: 2, names: "broken.yaml"),
        Case(arguments: ["import", "-o", "/dev/null/out", "Tests/Fixtures/import/boutique"], status: 3, names: "--output-dir: /dev/null/out"),
        Case(arguments: ["diff"], status: 2, names: "<paths>"),
        Case(arguments: ["diff", "Examples/minimal.yaml", "--kubeconfig", missingKubeconfig], status: 3, names: missingKubeconfig),
        Case(arguments: ["rules", "no-such-rule"], status: 2, names: "no-such-rule"),
        Case(arguments: ["crd"], status: 0),
        Case(arguments: ["dev", "--timeout", "0"], status: 2, names: "--timeout"),
        Case(arguments: ["run", "--concurrency", "0"], status: 2, names: "--concurrency"),
        Case(arguments: ["run", "--metrics-address", "8080"], status: 2, names: "--metrics-address"),
        Case(arguments: ["run", "--webhook-cert-dir", "/certs"], status: 2, names: "--webhook-cert-dir needs --webhook-address"),
        Case(arguments: ["run"], status: 2, environment: ["SHIPSHAPE_LOG_FORMAT": "xml"], names: "SHIPSHAPE_LOG_FORMAT (--log-format)"),
        Case(arguments: ["run", "--kubeconfig", missingKubeconfig, "--metrics-address", "127.0.0.1:0"], status: 3, names: missingKubeconfig),
        Case(arguments: ["webhook", "--webhook-address", "9443"], status: 2, names: "--webhook-address"),
        Case(arguments: ["webhook", "--webhook-cert-file", "tls.crt"], status: 2, names: "--webhook-cert-file needs --webhook-key-file"),
        Case(arguments: ["webhook"], status: 2, environment: ["SHIPSHAPE_LOG_LEVEL": "loud"], names: "SHIPSHAPE_LOG_LEVEL (--log-level)"),
        Case(arguments: ["webhook", "--webhook-address", "127.0.0.1:0", "--webhook-self-signed-secret", "ops/tls", "--kubeconfig", missingKubeconfig],
             status: 3, names: missingKubeconfig),
    ])
    func exitCode(_ example: Case) async throws {
        let run = try await CLIRun.run(example.arguments, environment: example.environment)
        #expect(run.status == example.status, "\(run.standardError)")
        if let names = example.names { #expect(run.standardError.contains(names), "\(run.standardError)") }
    }

    /// `--help` of both long-running commands shows every shared option with its default and
    /// its environment variable, worded the same.
    @Test func helpShowsTheEnvironmentFallbacks() async throws {
        func help(_ command: String) async throws -> String {
            let run = try await CLIRun.run([command, "--help"])
            #expect(run.status == 0)
            return run.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let run = try await help("run"), webhook = try await help("webhook")
        let shared = [
            "(default: $KUBECONFIG, merged, else ~/.kube/config; in a pod, its service account; env: SHIPSHAPE_KUBECONFIG)",
            "(default: the current context; env: SHIPSHAPE_CONTEXT)",
            "(default: 0.0.0.0:9443 for `webhook`; env: SHIPSHAPE_WEBHOOK_ADDRESS)",
            "(default: /etc/shipshape/webhook; env: SHIPSHAPE_WEBHOOK_CERT_DIR)",
            "(env: SHIPSHAPE_WEBHOOK_CERT_FILE)", "(env: SHIPSHAPE_WEBHOOK_KEY_FILE)", "(env: SHIPSHAPE_WEBHOOK_SELF_SIGNED_SECRET)",
            "(default: shipshape-webhook; env: SHIPSHAPE_WEBHOOK_SERVICE)", "(default: shipshape; env: SHIPSHAPE_WEBHOOK_CONFIGURATION)",
            "(default: info; env: SHIPSHAPE_LOG_LEVEL)", "(default: auto; env: SHIPSHAPE_LOG_FORMAT)",
        ]
        for text in shared {
            #expect(run.contains(text), "run --help: \(text)")
            #expect(webhook.contains(text), "webhook --help: \(text)")
        }
        for flag in ["--webhook-address", "--webhook-cert-dir", "--webhook-cert-file", "--webhook-key-file", "--webhook-self-signed-secret",
                     "--webhook-service", "--webhook-configuration", "--log-level", "--log-format", "--kubeconfig", "--context"] {
            #expect(run.contains(flag + " <") && webhook.contains(flag + " <"), "\(flag) in both")
        }
        for text in ["(default: 4; env: SHIPSHAPE_CONCURRENCY)", "(default: 0.0.0.0:8080; env: SHIPSHAPE_METRICS_ADDRESS)",
                     "(default: off; env: SHIPSHAPE_LEADER_ELECT)", "(default: 25; env: SHIPSHAPE_SHUTDOWN_TIMEOUT)",
                     "(default: all; env: SHIPSHAPE_NAMESPACE)", "(default: on; env: SHIPSHAPE_SECRET_ROTATION)"] {
            #expect(run.contains(text), "run --help: \(text)")
        }
        #expect(!webhook.contains("--cert-dir"), "the old spellings are hidden")
    }
}
