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
    func webhookServices(_ serving: WebhookArguments.Serving?, client: KubernetesClient, metrics: OperatorMetrics,
                         logger: Logger) -> [any Service] {
        guard let serving else { return [] }
        let certificates: WebhookCertificateSource
        switch serving.certificate {
        case .selfIssued(let names): certificates = .selfIssued(WebhookCertificates(client: client, names: names, logger: logger))
        case .files(let files): certificates = .files(files)
        }
        return WebhookServer.services(
            handler: AdmissionHandler(checklist: Checklist()), certificates: certificates,
            configuration: WebhookServerConfiguration(address: serving.address), metrics: WebhookMetrics(registry: metrics.registry),
            logger: logger)
    }
}
