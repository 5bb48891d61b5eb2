/// Where the webhook's self-issued certificates live and whom they name.
public struct WebhookCertificateNames: Sendable, Hashable {
    /// The operator's namespace, holding the Secret and the Service.
    public var namespace: String
    /// The Secret with `ca.crt`, `ca.key`, `tls.crt` and `tls.key`.
    public var secret: String
    /// The Service the API server calls; the serving certificate names it.
    public var service: String
    /// The ValidatingWebhookConfiguration whose webhooks get the CA as `caBundle`.
    public var webhookConfiguration: String

    public init(namespace: String = "shipshape-system", secret: String = "shipshape-webhook-tls",
                service: String = "shipshape-webhook", webhookConfiguration: String = "shipshape") {
        self.namespace = namespace
        self.secret = secret
        self.service = service
        self.webhookConfiguration = webhookConfiguration
    }

    /// `svc`, `svc.ns`, `svc.ns.svc`, `svc.ns.svc.cluster.local`: every name the Service answers to.
    public var dnsNames: [String] {
        [service, "\(service).\(namespace)", "\(service).\(namespace).svc", "\(service).\(namespace).svc.cluster.local"]
    }
}
