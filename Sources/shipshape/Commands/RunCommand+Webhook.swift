import Admission
import AdmissionServer
import Checklist
import Controller
import KubeClient
import Logging
import ServiceLifecycle

extension RunCommand {
    /// The admission webhook's services when `--webhook-address` (or SHIPSHAPE_WEBHOOK_ADDRESS)
    /// is set; its metrics join the operator's registry, so one `/metrics` shows both.
    func webhookServices(environment: [String: String], client: KubernetesClient, metrics: OperatorMetrics,
                         logger: Logger) throws -> [any Service] {
        func env(_ name: String) -> String? { environment["SHIPSHAPE_" + name].flatMap { $0.isEmpty ? nil : $0 } }
        guard let text = webhookAddress ?? env("WEBHOOK_ADDRESS") else { return [] }
        let address: ListenAddress
        do {
            address = try ListenAddress(parsing: text)
        } catch {
            throw CLIError.invalidInput(["shipshape run: --webhook-address must be host:port, not \(text)"], exitCode: 2)
        }
        let certificates: WebhookCertificateSource
        if let secret = webhookSelfSignedSecret ?? env("WEBHOOK_SELF_SIGNED_SECRET") {
            let names: WebhookCertificateNames
            do {
                names = try WebhookFlags.certificateNames(secret: secret)
            } catch {
                throw CLIError.invalidInput(["shipshape run: --webhook-self-signed-secret takes NAMESPACE/NAME, not \(secret)"], exitCode: 2)
            }
            certificates = .selfIssued(WebhookCertificates(client: client, names: names, logger: logger))
        } else {
            certificates = .files(.init(directory: webhookCertDir ?? env("WEBHOOK_CERT_DIR") ?? "/etc/shipshape/webhook"))
        }
        return WebhookServer.services(
            handler: AdmissionHandler(checklist: Checklist()), certificates: certificates,
            configuration: WebhookServerConfiguration(address: address), metrics: WebhookMetrics(registry: metrics.registry),
            logger: logger)
    }
}
