import Certificates
import Foundation
import KubeClient
import KubeModel
import Logging

/// Certificates for the webhook without cert-manager: keeps a CA and a serving certificate in
/// a Secret (creating it, rotating before expiry) and the CA in every webhook's
/// `clientConfig.caBundle`. Safe to run on every replica at once: creation races end in
/// AlreadyExists and rotation races in Conflict, and both re-read and re-decide.
///
/// ```swift
/// let manager = WebhookCertificates(client: client, names: WebhookCertificateNames(namespace: "shipshape-system"))
/// let bundle = try await manager.ensure()          // Secret + caBundle, once
/// let certificate = try ServingCertificate(certificatePEM: bundle.certificatePEM, privateKeyPEM: bundle.keyPEM)
/// // then keep it fresh: WebhookCertificateRotation(manager: manager, certificate: certificate)
/// ```
public struct WebhookCertificates: Sendable {
    public let client: KubernetesClient
    public let names: WebhookCertificateNames
    public let validity: CertificateBundle.Validity
    let now: @Sendable () -> Date
    let logger: Logger

    public init(client: KubernetesClient, names: WebhookCertificateNames, validity: CertificateBundle.Validity = .init(),
                logger: Logger = Logger(label: "shipshape.webhook.certificates"), now: @escaping @Sendable () -> Date = { Date() }) {
        self.client = client
        self.names = names
        self.validity = validity
        self.logger = logger
        self.now = now
    }

    /// Makes the Secret hold a sound bundle and the webhook configuration trust its CA;
    /// returns the bundle to serve.
    public func ensure() async throws(WebhookError) -> CertificateBundle {
        let bundle = try await ensureSecret()
        try await injectCABundle(bundle.caBundle(at: now()))
        return bundle
    }

    /// Creates or updates the Secret so it holds a sound bundle, and returns that bundle.
    public func ensureSecret() async throws(WebhookError) -> CertificateBundle {
        let secrets = client.resource(ResourceType.secrets, namespace: names.namespace)
        let object = "Secret \(names.namespace)/\(names.secret)"
        for _ in 0..<5 {
            let current: JSONValue?
            do { current = try await secrets.get(names.secret) } catch let error as KubeError where error.isNotFound {
                current = nil
            } catch {
                throw .kubernetes(object: object, message: "cannot read: \(error)")
            }
            let existing = current.flatMap(CertificateBundle.init(secret:))
            let wanted: CertificateBundle
            do { wanted = try CertificateBundle.reconciled(existing, dnsNames: names.dnsNames, validity: validity, now: now()) } catch {
                throw .kubernetes(object: object, message: "cannot issue certificates: \(error)")
            }
            if wanted == existing { return wanted }
            do {
                if var secret = current {
                    secret["data"] = wanted.secretData
                    _ = try await secrets.replace(secret)
                    logger.info("rotated the webhook certificates", metadata: metadata(wanted, previous: existing))
                } else {
                    _ = try await secrets.create(wanted.secret(names))
                    logger.info("issued the webhook certificates", metadata: metadata(wanted, previous: nil))
                }
                return wanted
            } catch let error as KubeError where error.isAlreadyExists || error.isConflict {
                logger.debug("another replica wrote the certificates first; reading them again", metadata: ["secret": "\(object)"])
            } catch {
                throw .kubernetes(object: object, message: "cannot write: \(error)")
            }
        }
        throw .kubernetes(object: object, message: "kept conflicting with other writers; will try again")
    }

    /// Sets `clientConfig.caBundle` of every webhook in the configuration to `pem` where it
    /// differs (one merge patch, guarded by resourceVersion). A configuration that does not
    /// exist yet is left alone (it gets the bundle on a later call). Returns whether it patched.
    @discardableResult
    public func injectCABundle(_ pem: String) async throws(WebhookError) -> Bool {
        let configurations = client.resource(ResourceType.validatingWebhookConfigurations)
        let object = "ValidatingWebhookConfiguration \(names.webhookConfiguration)"
        let encoded = JSONValue.string(CertificateBundle.base64(pem))
        for _ in 0..<5 {
            let configuration: JSONValue
            do { configuration = try await configurations.get(names.webhookConfiguration) } catch let error as KubeError where error.isNotFound {
                logger.info("the webhook configuration does not exist yet; caBundle not injected", metadata: ["name": "\(names.webhookConfiguration)"])
                return false
            } catch {
                throw .kubernetes(object: object, message: "cannot read: \(error)")
            }
            let webhooks = configuration["webhooks"]?.arrayValue ?? []
            guard webhooks.contains(where: { $0["clientConfig"]?["caBundle"] != encoded }) else { return false }
            let patched = webhooks.map { webhook -> JSONValue in
                var webhook = webhook
                var clientConfig = webhook["clientConfig"] ?? [:]
                clientConfig["caBundle"] = encoded
                webhook["clientConfig"] = clientConfig
                return webhook
            }
            // A merge patch replaces the whole list, so it is guarded by the version it was read at.
            let patch: JSONValue = [
                "metadata": ["resourceVersion": configuration["metadata"]?["resourceVersion"] ?? .null],
                "webhooks": .array(patched),
            ]
            do {
                _ = try await configurations.patch(names.webhookConfiguration, mergePatch: patch)
                logger.info("injected the CA into the webhook configuration", metadata: ["name": "\(names.webhookConfiguration)",
                                                                                        "webhooks": "\(webhooks.count)"])
                return true
            } catch let error as KubeError where error.isConflict {
                continue
            } catch {
                throw .kubernetes(object: object, message: "cannot patch caBundle: \(error)")
            }
        }
        throw .kubernetes(object: object, message: "kept conflicting with other writers; will try again")
    }

    private func metadata(_ bundle: CertificateBundle, previous: CertificateBundle?) -> Logger.Metadata {
        let info = try? CertificateInfo(pem: bundle.certificatePEM)
        return [
            "secret": "\(names.namespace)/\(names.secret)",
            "notAfter": "\(info.map { "\($0.notValidAfter)" } ?? "?")",
            "newCA": "\(previous == nil || previous?.caCertificatePEM != bundle.caCertificatePEM)",
        ]
    }
}
