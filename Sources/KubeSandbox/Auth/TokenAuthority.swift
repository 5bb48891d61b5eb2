import Crypto
import Foundation
import KubeModel

/// The sandbox's bearer credentials: the admin token it starts with, and the ServiceAccount
/// tokens it issues (TokenRequest), JWTs signed with a key made at start.
struct TokenAuthority: Sendable {
    /// A bearer token for `admin` in `system:masters`, what a real cluster's admin kubeconfig holds.
    let adminToken: String
    let issuer = "https://kubernetes.default.svc"
    /// Signs and verifies ServiceAccount tokens.
    let key: SymmetricKey

    static let admin = AuthenticatedUser(name: "admin", groups: [AuthenticatedUser.mastersGroup])

    init() {
        self.init(key: SymmetricKey(size: .bits256), adminToken: "sandbox-admin-" + UUID().uuidString.lowercased())
    }

    init(key: SymmetricKey, adminToken: String) {
        self.key = key
        self.adminToken = adminToken
    }

    /// What a token issued for a ServiceAccount says.
    struct Claims: Sendable {
        var namespace: String
        var name: String
        var uid: String
        var audiences: [String]
        var expires: Date
        var id: String
    }

    /// A signed JWT for the ServiceAccount.
    func issue(_ claims: Claims, now: Date = .now) -> String {
        let payload: JSONValue = [
            "aud": .array(claims.audiences.map(JSONValue.string)),
            "exp": .integer(Int(claims.expires.timeIntervalSince1970)),
            "iat": .integer(Int(now.timeIntervalSince1970)),
            "iss": .string(issuer),
            "jti": .string(claims.id),
            "kubernetes.io": [
                "namespace": .string(claims.namespace),
                "serviceaccount": ["name": .string(claims.name), "uid": .string(claims.uid)],
            ],
            "nbf": .integer(Int(now.timeIntervalSince1970)),
            "sub": .string(AuthenticatedUser.serviceAccount(namespace: claims.namespace, name: claims.name).name),
        ]
        let signed = Self.base64URL(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8)) + "." + Self.base64URL(Data(payload.jsonText().utf8))
        return signed + "." + signature(signed)
    }

    /// The claims of a token this authority signed that has not expired; nil otherwise.
    func verify(_ token: String, now: Date = .now) -> Claims? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, signature(parts[0] + "." + parts[1]) == parts[2],
              let data = Self.data(base64URL: String(parts[1])),
              let payload = try? JSONValue(parsingJSON: Array(data)),
              let namespace = payload["kubernetes.io"]?["namespace"]?.stringValue,
              let account = payload["kubernetes.io"]?["serviceaccount"],
              let name = account["name"]?.stringValue, let uid = account["uid"]?.stringValue,
              case .integer(let expires)? = payload["exp"], Double(expires) > now.timeIntervalSince1970 else { return nil }
        return Claims(namespace: namespace, name: name, uid: uid,
                      audiences: payload["aud"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                      expires: Date(timeIntervalSince1970: Double(expires)), id: payload["jti"]?.stringValue ?? "")
    }

    private func signature(_ signed: some StringProtocol) -> String {
        Self.base64URL(Data(HMAC<SHA256>.authenticationCode(for: Data(signed.utf8), using: key)))
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func data(base64URL text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
