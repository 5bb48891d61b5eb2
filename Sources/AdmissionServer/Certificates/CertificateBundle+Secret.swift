import Foundation
import KubeModel

extension CertificateBundle {
    /// Reads the bundle from a Secret's `data`; nil when a required key is missing or not
    /// base64 UTF-8 (the manager then issues anew).
    init?(secret: JSONValue) {
        guard let data = secret["data"] else { return nil }
        func text(_ key: String) -> String? {
            data[key]?.stringValue.flatMap { Data(base64Encoded: $0) }.flatMap { String(data: $0, encoding: .utf8) }
        }
        guard let caCertificate = text(Key.caCertificate), let caKey = text(Key.caKey),
              let certificate = text(Key.certificate), let key = text(Key.key)
        else { return nil }
        self.init(caCertificatePEM: caCertificate, caKeyPEM: caKey, certificatePEM: certificate, keyPEM: key,
                  previousCACertificatePEM: text(Key.previousCA))
    }

    /// The Secret's `data`, base64-encoded.
    var secretData: JSONValue {
        var data: JSONObject = [
            Key.caCertificate: .string(Self.base64(caCertificatePEM)), Key.caKey: .string(Self.base64(caKeyPEM)),
            Key.certificate: .string(Self.base64(certificatePEM)), Key.key: .string(Self.base64(keyPEM)),
        ]
        if let previous = previousCACertificatePEM { data[Key.previousCA] = .string(Self.base64(previous)) }
        return .object(data)
    }

    /// A new `kubernetes.io/tls` Secret holding the bundle.
    func secret(_ names: WebhookCertificateNames) -> JSONValue {
        [
            "apiVersion": "v1", "kind": "Secret",
            "metadata": [
                "name": .string(names.secret), "namespace": .string(names.namespace),
                "labels": [
                    "app.kubernetes.io/name": "shipshape", "app.kubernetes.io/component": "webhook",
                    "app.kubernetes.io/managed-by": "shipshape",
                ],
            ],
            "type": "kubernetes.io/tls",
            "data": secretData,
        ]
    }

    static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
}
