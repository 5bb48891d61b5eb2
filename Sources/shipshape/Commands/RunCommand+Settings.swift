import AdmissionServer
import Controller
import Foundation
import KubeClient
import Logging

/// `shipshape run`'s options with environment defaults applied and checked.
struct RunSettings {
    var kubeconfig: String?
    var context: String?
    var namespaces: [String]?
    var concurrency: Int
    var metricsHost: String
    var metricsPort: Int
    /// Set when leader election is on.
    var leaseNamespace: String?
    var leaseName: String
    var identity: String
    var secretRotation: Bool
    /// `--mesh-mtls strict`.
    var meshMTLSByDefault: Bool
    var shutdownTimeout: Int
    var logger: Logger
    let environment: [String: String]

    /// The kubeconfig's configuration, or the pod's service account when there is none.
    func clientConfiguration() throws -> ClientConfiguration {
        try .resolve(kubeconfig: kubeconfig, context: context, environment: environment)
    }
}

extension RunCommand {
    func resolved(_ environment: [String: String]) throws -> RunSettings {
        func env(_ name: String) -> String? {
            environment["SHIPSHAPE_" + name].flatMap { $0.isEmpty ? nil : $0 }
        }
        var problems: [String] = []
        func integer(_ flag: Int?, _ name: String, _ fallback: Int, minimum: Int) -> Int {
            let value: Int?
            if let flag { value = flag } else if let text = env(name) { value = Int(text) } else { value = fallback }
            guard let value, value >= minimum else {
                problems.append("--\(name.lowercased().replacingOccurrences(of: "_", with: "-")) must be an integer of at least \(minimum)")
                return fallback
            }
            return value
        }
        let namespaces = !self.namespaces.isEmpty ? self.namespaces
            : env("NAMESPACE").map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
        let concurrency = integer(self.concurrency, "CONCURRENCY", 4, minimum: 1)
        let shutdownTimeout = integer(self.shutdownTimeout, "SHUTDOWN_TIMEOUT", 25, minimum: 0)
        let address = metricsAddress ?? env("METRICS_ADDRESS") ?? "0.0.0.0:8080"
        let listen = try? ListenAddress(parsing: address)
        if listen == nil { problems.append("--metrics-address must be host:port, not \(address)") }
        let elect = leaderElect ?? env("LEADER_ELECT").map { ["1", "true", "yes"].contains($0.lowercased()) } ?? false
        let secretRotation = secretRotation ?? env("SECRET_ROTATION").map { ["1", "true", "yes"].contains($0.lowercased()) } ?? true
        let meshText = meshMTLS?.rawValue ?? env("MESH_MTLS")
        if let meshText, ExtensionArguments.MeshDefault(rawValue: meshText) == nil { problems.append("--mesh-mtls must be strict, not \(meshText)") }
        let leaseNamespace = leaseNamespace ?? env("LEASE_NAMESPACE") ?? environment["POD_NAMESPACE"] ?? Self.inClusterNamespace()
        if elect, leaseNamespace == nil { problems.append("--leader-elect needs --lease-namespace (or POD_NAMESPACE)") }
        let identity = identity ?? env("IDENTITY") ?? environment["POD_NAME"]
            ?? "\(ProcessInfo.processInfo.hostName)-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        let levelText = logLevel ?? env("LOG_LEVEL") ?? "info"
        let level = Logger.Level(rawValue: levelText.lowercased())
        if level == nil { problems.append("--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))") }
        let format = logFormat ?? env("LOG_FORMAT") ?? "auto"
        if !["auto", "json", "text"].contains(format) { problems.append("--log-format must be auto, json or text") }
        guard problems.isEmpty, let listen else { throw CLIError.invalidInput(problems.map { "shipshape run: \($0)" }, exitCode: 2) }

        let json = format == "json" || (format == "auto" && isatty(STDERR_FILENO) == 0)
        var logger = Logger(label: "shipshape.operator") { label in
            json ? JSONLogHandler(label: label) as any LogHandler : StreamLogHandler.standardError(label: label)
        }
        logger.logLevel = level ?? .info
        return RunSettings(
            kubeconfig: kubeconfig ?? env("KUBECONFIG"), context: context ?? env("CONTEXT"),
            namespaces: namespaces.isEmpty ? nil : namespaces, concurrency: concurrency, metricsHost: listen.host, metricsPort: listen.port,
            leaseNamespace: elect ? leaseNamespace : nil, leaseName: leaseName ?? env("LEASE_NAME") ?? "shipshape-operator",
            identity: identity, secretRotation: secretRotation,
            meshMTLSByDefault: meshText.flatMap(ExtensionArguments.MeshDefault.init(rawValue:)) == .strict, shutdownTimeout: shutdownTimeout, logger: logger, environment: environment)
    }

    private static func inClusterNamespace() -> String? {
        (try? String(contentsOfFile: ServiceAccountPaths().namespace, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
