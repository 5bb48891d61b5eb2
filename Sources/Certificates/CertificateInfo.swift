import Foundation
import X509

/// What rotation needs to know about a PEM certificate.
public struct CertificateInfo: Sendable, Equatable {
    public let notValidBefore: Date
    public let notValidAfter: Date
    /// The subject's common name, if it has one.
    public let commonName: String?
    /// The subject's organizations (Kubernetes groups, for client certificates).
    public let organizations: [String]
    public let dnsNames: [String]

    public init(pem: String) throws(CertificateError) {
        let certificate: Certificate
        do { certificate = try Certificate(pemEncoded: pem) } catch { throw CertificateError("not a PEM certificate: \(error)") }
        self.init(certificate)
    }

    public init(der: [UInt8]) throws(CertificateError) {
        let certificate: Certificate
        do { certificate = try Certificate(derEncoded: der) } catch { throw CertificateError("not a DER certificate: \(error)") }
        self.init(certificate)
    }

    private init(_ certificate: Certificate) {
        notValidBefore = certificate.notValidBefore
        notValidAfter = certificate.notValidAfter
        var name: String?
        var organizations: [String] = []
        for rdn in certificate.subject {
            for attribute in rdn {
                if attribute.type == .RDNAttributeType.commonName { name = String(describing: attribute.value) }
                if attribute.type == .RDNAttributeType.organizationName { organizations.append(String(describing: attribute.value)) }
            }
        }
        commonName = name
        self.organizations = organizations
        let names = try? certificate.extensions.subjectAlternativeNames
        dnsNames = names?.compactMap { if case .dnsName(let dns) = $0 { return dns } else { return nil } } ?? []
    }

    /// Whether the certificate should be replaced at `now`: within the last third of its life.
    public func needsRotation(at now: Date) -> Bool {
        let lifetime = notValidAfter.timeIntervalSince(notValidBefore)
        return now >= notValidAfter.addingTimeInterval(-lifetime / 3)
    }
}
