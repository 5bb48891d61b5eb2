import KubeModel

/// One way a value breaks its schema, named like the API server's `field.ErrorType`.
public struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// A required field is missing (`FieldValueRequired`).
        case required = "FieldValueRequired"
        /// The value has the wrong JSON type (`FieldValueTypeInvalid`).
        case type = "FieldValueTypeInvalid"
        /// The value is not one of the schema's enum values (`FieldValueNotSupported`).
        case notSupported = "FieldValueNotSupported"
        /// The value breaks a bound, a format or a length (`FieldValueInvalid`).
        case invalid = "FieldValueInvalid"
        /// The value repeats one that must be unique (`FieldValueDuplicate`).
        case duplicate = "FieldValueDuplicate"
        /// The field may not be set or changed here (`FieldValueForbidden`).
        case forbidden = "FieldValueForbidden"
        /// The value is longer than allowed (`FieldValueTooLong`).
        case tooLong = "FieldValueTooLong"
        /// A field the schema does not declare (reported only when unknown fields are errors).
        case unknownField = "FieldValueUnknown"
    }

    public var kind: Kind
    public var path: FieldPath
    /// The message without the path, as in a Status cause (`Required value`).
    public var message: String
    /// For a `.type` violation, the JSON type(s) the schema asks for (`integer`, `integer or string`).
    public var expectedType: String?

    public init(_ kind: Kind, at path: FieldPath, _ message: String, expectedType: String? = nil) {
        self.kind = kind
        self.path = path
        self.message = message
        self.expectedType = expectedType
    }

    /// `path: message`, as the API server prints a field error.
    public var description: String { path.isRoot ? message : "\(path): \(message)" }
}

/// What validating a value produced: the value with unknown fields pruned (and defaults applied
/// when asked), what was wrong with it, and where the unknown fields were.
public struct SchemaResult: Sendable {
    public var value: JSONValue
    public var violations: [SchemaViolation]
    public var unknownFields: [FieldPath]

    public var isValid: Bool { violations.isEmpty }

    public init(value: JSONValue, violations: [SchemaViolation], unknownFields: [FieldPath]) {
        self.value = value
        self.violations = violations
        self.unknownFields = unknownFields
    }
}
