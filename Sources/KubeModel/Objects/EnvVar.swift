/// `core/v1` EnvVar: a literal `value`, or a value taken from elsewhere (`valueFrom`).
public struct EnvVar: Codable, Sendable, Hashable {
    public var name: String
    public var value: String?
    public var valueFrom: EnvVarSource?

    public init(name: String, value: String? = nil, valueFrom: EnvVarSource? = nil) {
        self.name = name
        self.value = value
        self.valueFrom = valueFrom
    }
}

/// `core/v1` EnvVarSource: one key of a ConfigMap or Secret (or a pod field).
public struct EnvVarSource: Codable, Sendable, Hashable {
    public var fieldRef: ObjectFieldSelector?
    public var configMapKeyRef: ConfigMapKeySelector?
    public var secretKeyRef: SecretKeySelector?

    public init(fieldRef: ObjectFieldSelector? = nil, configMapKeyRef: ConfigMapKeySelector? = nil,
                secretKeyRef: SecretKeySelector? = nil) {
        self.fieldRef = fieldRef
        self.configMapKeyRef = configMapKeyRef
        self.secretKeyRef = secretKeyRef
    }
}

/// `core/v1` ObjectFieldSelector: a field of the pod, such as `metadata.name`.
public struct ObjectFieldSelector: Codable, Sendable, Hashable {
    public var apiVersion: String?
    public var fieldPath: String

    public init(apiVersion: String? = nil, fieldPath: String) {
        self.apiVersion = apiVersion
        self.fieldPath = fieldPath
    }
}

/// `core/v1` ConfigMapKeySelector.
public struct ConfigMapKeySelector: Codable, Sendable, Hashable {
    public var name: String
    public var key: String
    public var optional: Bool?

    public init(name: String, key: String, optional: Bool? = nil) {
        self.name = name
        self.key = key
        self.optional = optional
    }
}

/// `core/v1` SecretKeySelector.
public struct SecretKeySelector: Codable, Sendable, Hashable {
    public var name: String
    public var key: String
    public var optional: Bool?

    public init(name: String, key: String, optional: Bool? = nil) {
        self.name = name
        self.key = key
        self.optional = optional
    }
}

/// `core/v1` EnvFromSource: every key of a ConfigMap or a Secret as variables.
public struct EnvFromSource: Codable, Sendable, Hashable {
    public var prefix: String?
    public var configMapRef: ConfigMapEnvSource?
    public var secretRef: SecretEnvSource?

    public init(prefix: String? = nil, configMapRef: ConfigMapEnvSource? = nil, secretRef: SecretEnvSource? = nil) {
        self.prefix = prefix
        self.configMapRef = configMapRef
        self.secretRef = secretRef
    }
}

/// `core/v1` ConfigMapEnvSource.
public struct ConfigMapEnvSource: Codable, Sendable, Hashable {
    public var name: String
    public var optional: Bool?

    public init(name: String, optional: Bool? = nil) {
        self.name = name
        self.optional = optional
    }
}

/// `core/v1` SecretEnvSource.
public struct SecretEnvSource: Codable, Sendable, Hashable {
    public var name: String
    public var optional: Bool?

    public init(name: String, optional: Bool? = nil) {
        self.name = name
        self.optional = optional
    }
}
