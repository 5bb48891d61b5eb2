import KubeModel

/// A plain configuration variable. Secret values belong in `secrets`, never here.
public struct EnvVar: Codable, Sendable, Hashable {
    public var name: String
    public var value: String

    public enum CodingKeys: String, CodingKey, CaseIterable { case name, value }

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    static let schema = Schema.object(
        "A plain (non-secret) environment variable.", keys: CodingKeys.self, required: [.name, .value],
        [
            .name: .string("Variable name.", format: .envVarName),
            .value: { var s = Schema.string("Variable value (plain configuration only)."); s.minLength = nil; return s }(),
        ])
}

/// A ConfigMap consumed as environment variables, or mounted as files when `mountPath` is set.
public struct ConfigSource: Codable, Sendable, Hashable {
    public var configMap: String
    public var mountPath: String?
    public var optional: Bool?

    public enum CodingKeys: String, CodingKey, CaseIterable { case configMap, mountPath, optional }

    public init(configMap: String, mountPath: String? = nil) {
        self.configMap = configMap
        self.mountPath = mountPath
    }

    static let schema = Schema.object(
        "A ConfigMap whose keys become environment variables, or files under mountPath.",
        keys: CodingKeys.self, required: [.configMap],
        [
            .configMap: .string("ConfigMap name (same namespace).", format: .dnsSubdomain),
            .mountPath: .string("Mount the ConfigMap read-only as files here instead of as variables.", format: .absolutePath),
            .optional: .boolean("Start even when the ConfigMap does not exist (default false)."),
        ])
}

/// A reference to secret material; the value itself lives in a Secret.
///
/// Exactly one form: `{env, secret, key}` (one key as a variable), `{envFrom}` (every key of a
/// Secret as variables) or `{mountPath, secret}` (the Secret mounted read-only as files).
public struct SecretReference: Codable, Sendable, Hashable {
    public var env: String?
    public var secret: String?
    public var key: String?
    public var envFrom: String?
    public var mountPath: String?
    public var optional: Bool?

    public enum CodingKeys: String, CodingKey, CaseIterable { case env, secret, key, envFrom, mountPath, optional }

    public init(env: String? = nil, secret: String? = nil, key: String? = nil, envFrom: String? = nil,
                mountPath: String? = nil) {
        self.env = env
        self.secret = secret
        self.key = key
        self.envFrom = envFrom
        self.mountPath = mountPath
    }

    /// The three shapes a reference can take.
    public enum Form: Sendable, Hashable {
        case variable(env: String, secret: String, key: String)
        case allKeys(secret: String)
        case mount(path: String, secret: String)
    }

    /// The reference's form; nil for an object that mixes forms (validation rejects those).
    public var form: Form? {
        switch (env, secret, key, envFrom, mountPath) {
        case let (env?, secret?, key?, nil, nil): return .variable(env: env, secret: secret, key: key)
        case let (nil, nil, nil, secret?, nil): return .allKeys(secret: secret)
        case let (nil, secret?, nil, nil, path?): return .mount(path: path, secret: secret)
        default: return nil
        }
    }

    /// The name of the referenced Secret, whatever the form.
    public var secretName: String? { secret ?? envFrom }

    static let schema = Schema.object(
        "A reference to a Secret: {env, secret, key}, {envFrom} or {mountPath, secret}.",
        keys: CodingKeys.self,
        rules: [
            CrossFieldRule(
                cel: "(has(self.env) && has(self.secret) && has(self.key) && !has(self.envFrom) && !has(self.mountPath))"
                    + " || (has(self.envFrom) && !has(self.env) && !has(self.secret) && !has(self.key) && !has(self.mountPath))"
                    + " || (has(self.mountPath) && has(self.secret) && !has(self.env) && !has(self.key) && !has(self.envFrom))",
                message: "use exactly one form: {env, secret, key}, {envFrom} or {mountPath, secret}"),
        ],
        [
            .env: .string("Environment variable to set from one key of the Secret.", format: .envVarName),
            .secret: .string("Secret name, for the env and mountPath forms.", format: .dnsSubdomain),
            .key: .string("Key within the Secret, for the env form.", maxLength: 253),
            .envFrom: .string("Secret whose every key becomes an environment variable.", format: .dnsSubdomain),
            .mountPath: .string("Mount the Secret read-only as files at this path.", format: .absolutePath),
            .optional: .boolean("Start even when the Secret or key does not exist (default false)."),
        ])
}
