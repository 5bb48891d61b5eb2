import AdmissionServer
import ArgumentParser

/// Flag parsing shared by `shipshape webhook` and `shipshape run`.
enum WebhookFlags {
    /// `NAMESPACE/NAME` of the Secret a self-issued certificate lives in.
    static func certificateNames(secret: String, service: String = "shipshape-webhook",
                                 webhookConfiguration: String = "shipshape") throws -> WebhookCertificateNames {
        let parts = secret.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty }) else {
            throw ValidationError("--self-signed-secret takes NAMESPACE/NAME, not \"\(secret)\"")
        }
        return WebhookCertificateNames(namespace: parts[0], secret: parts[1], service: service, webhookConfiguration: webhookConfiguration)
    }
}
