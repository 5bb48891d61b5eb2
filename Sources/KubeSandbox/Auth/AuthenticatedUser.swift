/// Who made a request: from a client certificate, a bearer token, impersonation, or nobody
/// (`system:anonymous`).
public struct AuthenticatedUser: Sendable, Hashable {
    public var name: String
    public var groups: [String]
    /// Extra attributes (`user.Info.GetExtra()`), such as the credential id.
    public var extra: [String: [String]]

    public init(name: String, groups: [String] = [], extra: [String: [String]] = [:]) {
        self.name = name
        self.groups = groups
        self.extra = extra
    }

    /// The user of a request without credentials.
    static let anonymous = AuthenticatedUser(name: "system:anonymous", groups: [unauthenticatedGroup])
    static let authenticatedGroup = "system:authenticated"
    static let unauthenticatedGroup = "system:unauthenticated"
    /// The group every request is allowed for, whatever RBAC says.
    static let mastersGroup = "system:masters"
    static let credentialIDKey = "authentication.kubernetes.io/credential-id"
    static let serviceAccountPrefix = "system:serviceaccount:"

    var isMaster: Bool { groups.contains(Self.mastersGroup) }

    /// The user a ServiceAccount authenticates as.
    static func serviceAccount(namespace: String, name: String) -> AuthenticatedUser {
        AuthenticatedUser(name: serviceAccountPrefix + namespace + ":" + name,
                          groups: serviceAccountGroups(namespace: namespace))
    }

    static func serviceAccountGroups(namespace: String) -> [String] {
        ["system:serviceaccounts", "system:serviceaccounts:" + namespace]
    }

    /// `(namespace, name)` when the user name is a ServiceAccount's.
    var serviceAccount: (namespace: String, name: String)? {
        guard name.hasPrefix(Self.serviceAccountPrefix) else { return nil }
        let parts = name.dropFirst(Self.serviceAccountPrefix.count).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// With `system:authenticated` added, as the API server adds it to every authenticated user
    /// (not to `system:anonymous`).
    var withAuthenticatedGroup: AuthenticatedUser {
        var user = self
        if name != Self.anonymous.name, !groups.contains(Self.authenticatedGroup) { user.groups.append(Self.authenticatedGroup) }
        return user
    }
}
