import KubeModel
import Testing
@testable import KubeClient

@Suite struct ErrorTests {
    @Test func statusBodiesAreDecoded() {
        let body = #"{"kind":"Status","apiVersion":"v1","status":"Failure","message":"configmaps \"x\" not found","reason":"NotFound","details":{"name":"x","kind":"configmaps","causes":[{"reason":"FieldValueInvalid","field":"spec.a"}]},"code":404}"#
        let error = KubernetesClient.apiError(status: 404, body: Array(body.utf8))
        #expect(error.isNotFound)
        #expect(error.status?.details?.name == "x")
        #expect(error.status?.details?.causes?.first?.field == "spec.a")
        #expect(error.description == #"API error 404 NotFound: configmaps "x" not found"#)
    }

    @Test func otherBodiesBecomeAStatusAnd410IsGone() {
        let error = KubernetesClient.apiError(status: 503, body: Array("upstream down\n".utf8))
        #expect(error.status == Status(message: "upstream down", reason: "ServiceUnavailable", code: 503))
        #expect(KubernetesClient.apiError(status: 410, body: []).isGone)
        let conflict = KubernetesClient.apiError(status: 409, body: Array(#"{"kind":"Status","reason":"AlreadyExists","code":409}"#.utf8))
        #expect(conflict.isAlreadyExists && !conflict.isConflict)
    }

    @Test func transportErrorsSayWhatFailed() {
        let tls = TransportError(kind: .tls, curlCode: 60, message: "certificate verify failed: self-signed certificate")
        #expect(KubeError.transport(tls).description == "TLS: certificate verify failed: self-signed certificate (curl 60)")
        #expect(KubeError.configuration(source: "~/.kube/config:9", field: "users[0].user.token", message: "expected a string").description
            == "~/.kube/config:9: users[0].user.token: expected a string")
    }
}
