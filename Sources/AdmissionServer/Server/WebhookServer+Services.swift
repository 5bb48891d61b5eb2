import Admission
import Logging
import ServiceLifecycle

/// Where the webhook's serving certificate comes from.
public enum WebhookCertificateSource: Sendable {
    /// Files (a mounted Secret), re-read when they change: cert-manager or any other issuer.
    case files(ServingCertificate.Files)
    /// Self-issued into a Secret by `WebhookCertificates`, served from memory, rotated.
    case selfIssued(WebhookCertificates)
}

extension WebhookServer {
    /// The webhook as `shipshape webhook` and `shipshape run` run it: the server, plus the
    /// certificate rotation when self-issued. Add them to one `ServiceGroup`.
    public static func services(handler: AdmissionHandler, certificates source: WebhookCertificateSource,
                                configuration: WebhookServerConfiguration, metrics: WebhookMetrics,
                                logger: Logger = Logger(label: "shipshape.webhook")) -> [any Service] {
        switch source {
        case .files(let files):
            let certificate = ServingCertificate(files: files, logger: logger)
            return [WebhookServer(handler: handler, certificate: certificate, configuration: configuration, metrics: metrics, logger: logger)]
        case .selfIssued(let manager):
            let certificate = ServingCertificate(logger: logger)
            return [
                WebhookServer(handler: handler, certificate: certificate, configuration: configuration, metrics: metrics, logger: logger),
                WebhookCertificateRotation(manager: manager, certificate: certificate, logger: logger),
            ]
        }
    }
}
