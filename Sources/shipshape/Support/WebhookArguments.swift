import AdmissionServer
import ArgumentParser

/// The admission webhook's options, the same in `run` (which serves it beside the operator when
/// an address is set) and `webhook` (which serves it alone).
struct WebhookArguments: ParsableArguments {
    @Option(name: .customLong("webhook-address"),
            help: OptionResolver.help("HOST:PORT to serve the HTTPS admission webhook on; `run` serves none without it", flag: "webhook-address", default: "0.0.0.0:9443 for `webhook`"))
    var address: String?

    @Option(name: .customLong("webhook-cert-dir"),
            help: OptionResolver.help("Directory with tls.crt and tls.key, as a Secret is mounted, re-read when they change", flag: "webhook-cert-dir", default: WebhookArguments.defaultCertificateDirectory))
    var certDir: String?

    @Option(name: .customLong("webhook-cert-file"), help: OptionResolver.help("Serving certificate chain (PEM), with --webhook-key-file", flag: "webhook-cert-file"))
    var certFile: String?

    @Option(name: .customLong("webhook-key-file"), help: OptionResolver.help("Serving private key (PEM), with --webhook-cert-file", flag: "webhook-key-file"))
    var keyFile: String?

    @Option(name: .customLong("webhook-self-signed-secret"),
            help: OptionResolver.help("Issue the certificate into this Secret (NAMESPACE/NAME), inject its CA into the ValidatingWebhookConfiguration and rotate it, instead of reading files", flag: "webhook-self-signed-secret"))
    var selfSignedSecret: String?

    @Option(name: .customLong("webhook-service"),
            help: OptionResolver.help("With --webhook-self-signed-secret: the Service the certificate names", flag: "webhook-service", default: "shipshape-webhook"))
    var service: String?

    @Option(name: .customLong("webhook-configuration"),
            help: OptionResolver.help("With --webhook-self-signed-secret: the ValidatingWebhookConfiguration that gets the caBundle", flag: "webhook-configuration", default: "shipshape"))
    var webhookConfiguration: String?

    static let defaultCertificateDirectory = "/etc/shipshape/webhook"

    /// Where the serving certificate comes from.
    enum Certificate: Equatable {
        case files(ServingCertificate.Files)
        case selfIssued(WebhookCertificateNames)
    }

    /// What to serve: where, and with which certificate.
    struct Serving: Equatable {
        var address: ListenAddress
        var certificate: Certificate
    }

    /// The flags that choose the certificate, in the order problems name them.
    private var certificateFlags: [(flag: String, given: String?)] {
        [("webhook-cert-dir", certDir), ("webhook-cert-file", certFile), ("webhook-key-file", keyFile),
         ("webhook-self-signed-secret", selfSignedSecret)]
    }

    /// The webhook asked for, or nil when no address is set and `defaultAddress` is nil (`run`).
    /// The certificate is chosen by the command line when any certificate flag is given, else by
    /// the environment, else the files in `/etc/shipshape/webhook`.
    func serving(_ resolver: inout OptionResolver, defaultAddress: String?) -> Serving? {
        guard resolver.text("webhook-address", address) != nil || defaultAddress != nil else {
            for (flag, given) in certificateFlags + [("webhook-service", service), ("webhook-configuration", webhookConfiguration)] where given != nil {
                resolver.problem("--\(flag) needs --webhook-address: the webhook is not served without it")
            }
            return nil
        }
        let listen = resolver.text("webhook-address", address) == nil ? try? ListenAddress(parsing: defaultAddress ?? "")
            : resolver.parsed("webhook-address", address, expected: "HOST:PORT") { try? ListenAddress(parsing: $0) }
        let fromEnvironment = certificateFlags.allSatisfy { $0.given == nil }
        func chosen(_ flag: String) -> String? {
            fromEnvironment ? resolver.environmentText(flag) : certificateFlags.first { $0.flag == flag }?.given
        }
        func name(_ flag: String) -> String { resolver.source(flag, fromEnvironment: fromEnvironment) }
        let directory = chosen("webhook-cert-dir"), file = chosen("webhook-cert-file"), key = chosen("webhook-key-file")
        let secret = chosen("webhook-self-signed-secret")
        if (file == nil) != (key == nil) {
            resolver.problem("\(name(file == nil ? "webhook-key-file" : "webhook-cert-file")) needs \(name(file == nil ? "webhook-cert-file" : "webhook-key-file"))")
        }
        if [directory != nil, file != nil || key != nil, secret != nil].filter({ $0 }).count > 1 {
            resolver.problem("choose one of \(name("webhook-cert-dir")), \(name("webhook-cert-file"))/\(name("webhook-key-file")) and \(name("webhook-self-signed-secret"))")
        }
        let certificate: Certificate
        if let secret {
            let parts = secret.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty }) else {
                resolver.problem("\(name("webhook-self-signed-secret")) must be NAMESPACE/NAME, not \"\(secret)\"")
                return nil
            }
            certificate = .selfIssued(WebhookCertificateNames(
                namespace: parts[0], secret: parts[1], service: resolver.text("webhook-service", service) ?? "shipshape-webhook",
                webhookConfiguration: resolver.text("webhook-configuration", webhookConfiguration) ?? "shipshape"))
        } else if let file, let key {
            certificate = .files(.init(certificate: file, key: key))
        } else {
            certificate = .files(.init(directory: directory ?? Self.defaultCertificateDirectory))
        }
        return listen.map { Serving(address: $0, certificate: certificate) }
    }
}
