import AdmissionServer
import ArgumentParser
import Foundation
import KubeClient
import Logging
import OperatorServing

/// `shipshape run`'s options with the environment and the defaults applied, and checked.
struct RunSettings {
    var namespaces: [String]?
    var concurrency: Int
    var metricsAddress: ListenAddress
    /// Set when leader election is on.
    var leaseNamespace: String?
    var leaseName: String
    var identity: String
    var secretRotation: Bool
    /// `--mesh-mtls strict`.
    var meshMTLSByDefault: Bool
    var shutdownTimeout: Int
    var logLevel: Logger.Level
    var logFormat: LogFormat
    /// Set when the admission webhook is served beside the operator.
    var webhook: WebhookArguments.Serving?
}

extension RunCommand {
    /// The settings from the flags, else `environment` (`SHIPSHAPE_<FLAG>`, `POD_NAMESPACE`,
    /// `POD_NAME`), else the defaults; every invalid value is a usage error naming its flag.
    func settings(environment: [String: String]) throws(ValidationError) -> RunSettings {
        var resolver = OptionResolver(environment: environment)
        let namespaces = !self.namespaces.isEmpty ? self.namespaces
            : resolver.environmentText("namespace").map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } } ?? []
        if namespaces.contains(where: \.isEmpty) { resolver.problem("--namespace needs a name") }
        let concurrency = resolver.value("concurrency", self.concurrency, expected: "an integer of at least 1", parse: { Int($0) }, isValid: { $0 >= 1 })
        let shutdownTimeout = resolver.value("shutdown-timeout", self.shutdownTimeout, expected: "a number of seconds of at least 0",
                                             parse: { Int($0) }, isValid: { $0 >= 0 })
        let metrics = resolver.parsed("metrics-address", metricsAddress, expected: "HOST:PORT") { try? ListenAddress(parsing: $0) }
        let elect = resolver.boolean("leader-elect", leaderElect) ?? false
        let secretRotation = resolver.boolean("secret-rotation", self.secretRotation) ?? true
        let leaseNamespace = resolver.text("lease-namespace", self.leaseNamespace) ?? environment["POD_NAMESPACE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? Self.inClusterNamespace()
        if elect, leaseNamespace == nil { resolver.problem("--leader-elect needs --lease-namespace (or POD_NAMESPACE, or to run in a pod)") }
        let meshMTLS = resolver.value("mesh-mtls", self.meshMTLS, expected: "strict", parse: { ExtensionArguments.MeshDefault(rawValue: $0) })
        let identity = resolver.text("identity", self.identity) ?? environment["POD_NAME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "\(ProcessInfo.processInfo.hostName)-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        let logging = self.logging.resolve(&resolver)
        let webhook = self.webhook.serving(&resolver, defaultAddress: nil)
        try resolver.check("run")
        return RunSettings(
            namespaces: namespaces.isEmpty ? nil : namespaces, concurrency: concurrency ?? 4,
            metricsAddress: metrics ?? ListenAddress(host: "0.0.0.0", port: 8080),
            leaseNamespace: elect ? leaseNamespace : nil, leaseName: resolver.text("lease-name", leaseName) ?? "shipshape-operator",
            identity: identity, secretRotation: secretRotation, meshMTLSByDefault: meshMTLS == .strict, shutdownTimeout: shutdownTimeout ?? 25,
            logLevel: logging.level, logFormat: logging.format, webhook: webhook)
    }

    private static func inClusterNamespace() -> String? {
        (try? String(contentsOfFile: ServiceAccountPaths().namespace, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
