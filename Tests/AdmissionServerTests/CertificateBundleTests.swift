import AdmissionServer
import Certificates
import Foundation
import Testing

/// What the certificate manager decides to store, at chosen instants: no cluster needed.
@Suite struct CertificateBundleTests {
    let names = WebhookCertificateNames(namespace: "shipshape-system").dnsNames
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let day: TimeInterval = 86_400

    /// PEM blocks in a caBundle each end with a newline.
    func block(_ pem: String) -> String { pem.hasSuffix("\n") ? pem : pem + "\n" }

    @Test func theServingCertificateNamesEveryServiceName() throws {
        #expect(names == ["shipshape-webhook", "shipshape-webhook.shipshape-system", "shipshape-webhook.shipshape-system.svc",
                          "shipshape-webhook.shipshape-system.svc.cluster.local"])
        let bundle = try CertificateBundle.reconciled(nil, dnsNames: names, now: start)
        let info = try CertificateInfo(pem: bundle.certificatePEM)
        #expect(info.dnsNames == names)
        #expect(info.notValidAfter == start.addingTimeInterval(90 * day))
        #expect(try CertificateInfo(pem: bundle.caCertificatePEM).notValidAfter == start.addingTimeInterval(5 * 365 * day))
        #expect(bundle.previousCACertificatePEM == nil)
        #expect(bundle.caBundle(at: start) == block(bundle.caCertificatePEM))
    }

    @Test func aSoundBundleIsKeptAsItIs() throws {
        let bundle = try CertificateBundle.reconciled(nil, dnsNames: names, now: start)
        #expect(try CertificateBundle.reconciled(bundle, dnsNames: names, now: start.addingTimeInterval(50 * day)) == bundle)
    }

    @Test func theServingCertificateRotatesInTheLastThirdOfItsLifeUnderTheSameCA() throws {
        let bundle = try CertificateBundle.reconciled(nil, dnsNames: names, now: start)
        let later = start.addingTimeInterval(61 * day)
        let rotated = try CertificateBundle.reconciled(bundle, dnsNames: names, now: later)
        #expect(rotated.certificatePEM != bundle.certificatePEM)
        #expect(rotated.keyPEM != bundle.keyPEM)
        #expect(rotated.caCertificatePEM == bundle.caCertificatePEM)
        #expect(rotated.caBundle(at: later) == bundle.caBundle(at: later), "a serving rotation does not touch the caBundle")
        #expect(try CertificateInfo(pem: rotated.certificatePEM).notValidAfter == later.addingTimeInterval(90 * day))
    }

    @Test func theCARotatesWellBeforeExpiryAndTheOldOneStaysTrustedUntilItExpires() throws {
        let bundle = try CertificateBundle.reconciled(nil, dnsNames: names, now: start)
        let rotation = start.addingTimeInterval(4 * 365 * day)
        let rotated = try CertificateBundle.reconciled(bundle, dnsNames: names, now: rotation)
        #expect(rotated.caCertificatePEM != bundle.caCertificatePEM)
        #expect(rotated.previousCACertificatePEM == bundle.caCertificatePEM)
        #expect(rotated.caBundle(at: rotation) == block(rotated.caCertificatePEM) + block(bundle.caCertificatePEM))

        let afterOldExpiry = start.addingTimeInterval(5 * 365 * day + day)
        let settled = try CertificateBundle.reconciled(rotated, dnsNames: names, now: afterOldExpiry)
        #expect(settled.previousCACertificatePEM == nil)
        #expect(settled.caCertificatePEM == rotated.caCertificatePEM)
        #expect(settled.caBundle(at: afterOldExpiry) == block(rotated.caCertificatePEM))
    }

    @Test func aCertificateForOtherNamesOrBrokenDataIsReplaced() throws {
        let bundle = try CertificateBundle.reconciled(nil, dnsNames: names, now: start)
        let renamed = WebhookCertificateNames(namespace: "ops", service: "gatekeeper").dnsNames
        let reissued = try CertificateBundle.reconciled(bundle, dnsNames: renamed, now: start)
        #expect(try CertificateInfo(pem: reissued.certificatePEM).dnsNames == renamed)
        #expect(reissued.caCertificatePEM == bundle.caCertificatePEM)

        var mismatched = bundle
        mismatched.keyPEM = try CertificateBundle.reconciled(nil, dnsNames: names, now: start).keyPEM
        #expect(try CertificateBundle.reconciled(mismatched, dnsNames: names, now: start).keyPEM != mismatched.keyPEM)

        var foreign = bundle
        foreign.certificatePEM = try CertificateBundle.reconciled(nil, dnsNames: names, now: start).certificatePEM
        foreign.keyPEM = bundle.keyPEM
        let resigned = try CertificateBundle.reconciled(foreign, dnsNames: names, now: start)
        #expect(resigned.certificatePEM != foreign.certificatePEM)
        #expect(resigned.caCertificatePEM == bundle.caCertificatePEM)

        var brokenCA = bundle
        brokenCA.caKeyPEM = "garbage"
        #expect(try CertificateBundle.reconciled(brokenCA, dnsNames: names, now: start).caCertificatePEM != bundle.caCertificatePEM)
    }
}
