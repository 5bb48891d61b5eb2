import CEL
import KubeModel
import Synchronization

/// One node of the Microservice API's schema: the single source for the CRD's structural
/// openAPIV3Schema and for strict local validation, so the two cannot disagree.
public struct Schema: Sendable {
    public enum Kind: String, Sendable {
        case string, integer, number, boolean, object, array
        /// `x-kubernetes-int-or-string`: a port name or number, a quantity.
        case intOrString
        /// Any object, kept as is (`x-kubernetes-preserve-unknown-fields`).
        case freeform
    }

    public var kind: Kind
    public var description: String
    public var enumValues: [String] = []
    public var format: StringFormat?
    public var minimum: Double?
    public var maximum: Double?
    public var minLength: Int?
    public var maxLength: Int?
    public var minItems: Int?
    public var maxItems: Int?
    /// Object members in declaration order.
    public var properties: [(name: String, schema: Schema)] = []
    public var required: [String] = []
    /// Map values (`additionalProperties`), for objects with free keys.
    public var values: Schema? {
        get { valueBox.first }
        set { valueBox = newValue.map { [$0] } ?? [] }
    }
    /// Array elements.
    public var items: Schema? {
        get { itemBox.first }
        set { itemBox = newValue.map { [$0] } ?? [] }
    }
    /// For arrays: keys that identify elements (`x-kubernetes-list-type: map`), which must be unique.
    public var listMapKeys: [String] = []
    /// `x-kubernetes-list-type: set`: elements must be unique.
    public var isSet = false
    /// Rules spanning fields: CEL for the API server, a Swift check for local validation.
    public var rules: [CrossFieldRule] = []
    public var defaultValue: JSONValue?
    /// Schema/type drift found while building (a CodingKey with no schema); must stay empty.
    public var problems: [String] = []

    private var valueBox: [Schema] = []
    private var itemBox: [Schema] = []

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}

/// A rule over several fields of one object: the CEL expression the API server evaluates, which
/// local validation evaluates too (through the same `CEL` module as KubeSandbox), so the two
/// cannot disagree.
public struct CrossFieldRule: Sendable {
    public let cel: String
    public let message: String
    /// The field (relative, e.g. `.maxReplicas`) the API server reports the failure on.
    public let fieldPath: String?
    private let compiled: CompiledRule

    /// The compiled rule; nil only if `cel` does not compile (a test keeps every rule compiling).
    /// Compiled on first use: a one-file audit then compiles only the rules it evaluates.
    var program: CELProgram? { compiled.program }

    public init(cel: String, message: String, fieldPath: String? = nil) {
        self.cel = cel
        self.message = message
        self.fieldPath = fieldPath
        self.compiled = CompiledRule(cel: cel)
    }

    /// Whether `value` satisfies the rule. An evaluation error fails it, as on the API server.
    public func holds(_ value: JSONValue) -> Bool {
        guard let program else { return false }
        return (try? program.evaluate(self: value)) == .bool(true)
    }
}

/// A rule's CEL, compiled once, when first asked for; shared by the copies of its rule.
private final class CompiledRule: Sendable {
    private let cel: String
    private let state = Mutex<CELProgram??>(nil)

    init(cel: String) { self.cel = cel }

    var program: CELProgram? {
        state.withLock { cached in
            if let cached { return cached }
            let program = try? CELProgram.compile(cel, selfSchema: nil)
            cached = .some(program)
            return program
        }
    }
}

extension Schema {
    public static func string(_ description: String, format: StringFormat? = nil, enum values: [String] = [],
                              maxLength: Int? = nil, default value: String? = nil) -> Schema {
        var schema = Schema(.string, description)
        schema.format = format
        schema.enumValues = values
        schema.maxLength = maxLength ?? format?.maxLength
        schema.minLength = values.isEmpty ? 1 : nil
        schema.defaultValue = value.map(JSONValue.string)
        return schema
    }

    public static func integer(_ description: String, min: Int? = nil, max: Int? = nil, default value: Int? = nil) -> Schema {
        var schema = Schema(.integer, description)
        schema.minimum = min.map(Double.init)
        schema.maximum = max.map(Double.init)
        schema.defaultValue = value.map(JSONValue.integer)
        return schema
    }

    public static func number(_ description: String, min: Double? = nil, max: Double? = nil, default value: Double? = nil) -> Schema {
        var schema = Schema(.number, description)
        schema.minimum = min
        schema.maximum = max
        schema.defaultValue = value.map(JSONValue.number)
        return schema
    }

    public static func boolean(_ description: String, default value: Bool? = nil) -> Schema {
        var schema = Schema(.boolean, description)
        schema.defaultValue = value.map(JSONValue.bool)
        return schema
    }

    public static func intOrString(_ description: String, format: StringFormat? = nil) -> Schema {
        var schema = Schema(.intOrString, description)
        schema.format = format
        return schema
    }

    public static func array(_ description: String, of items: Schema, mapKeys: [String] = [], set: Bool = false,
                             minItems: Int? = nil, maxItems: Int? = nil) -> Schema {
        var schema = Schema(.array, description)
        schema.items = items
        schema.listMapKeys = mapKeys
        schema.isSet = set
        schema.minItems = minItems
        schema.maxItems = maxItems
        return schema
    }

    public static func map(_ description: String, of values: Schema) -> Schema {
        var schema = Schema(.object, description)
        schema.values = values
        return schema
    }

    /// An object whose members are exactly the cases of `keys` (a type's `CodingKeys`), in their
    /// declaration order. A case without a schema in `fields`, or with two, is recorded in
    /// `problems`.
    ///
    /// `fields` is `KeyValuePairs`, not a dictionary: a `[Key: Schema]` makes the runtime check
    /// `Key: Hashable` by scanning every conformance record of the binary, once per key type,
    /// which was a third of a one-file audit's start-up.
    public static func object<Key: CodingKey & CaseIterable>(
        _ description: String, keys: Key.Type, required: [Key] = [], rules: [CrossFieldRule] = [],
        _ fields: KeyValuePairs<Key, Schema>
    ) -> Schema {
        var schema = Schema(.object, description)
        for key in Key.allCases {
            let matching = fields.filter { $0.key.stringValue == key.stringValue }
            if let field = matching.first?.value {
                schema.properties.append((key.stringValue, field))
                schema.problems += field.problems.map { "\(key.stringValue).\($0)" }
                if matching.count > 1 {
                    schema.problems.append("\(key.stringValue): \(matching.count) schemas for this field of \(Key.self)")
                }
            } else {
                schema.problems.append("\(key.stringValue): no schema for this field of \(Key.self)")
            }
        }
        schema.required = required.map(\.stringValue)
        schema.rules = rules
        return schema
    }

    /// The member schema named `name`, if this is an object schema that declares it.
    public func property(_ name: String) -> Schema? { properties.first { $0.name == name }?.schema }
}
