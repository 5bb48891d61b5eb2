/// A value that builds its `JSONValue` directly: the members, order and omissions its
/// `Encodable` conformance writes, without `Codable`'s dynamic dispatch. `JSONValueEncoder`
/// uses it when a value (at any depth) has it; rendering spends most of its time there.
public protocol JSONValueConvertible: Encodable {
    var jsonValue: JSONValue { get }
}

/// Builds an object in declaration order, leaving out nil members as `encodeIfPresent` does;
/// dictionaries are written with sorted keys, as `JSONValueEncoder` writes them.
public struct JSONObjectBuilder {
    public private(set) var object = JSONObject()

    /// `fields`: how many members the type declares, an upper bound reserved up front.
    public init(fields: Int) { object.reserveCapacity(fields) }

    /// The object built, its storage trimmed when most declared members were absent.
    public var value: JSONValue {
        var object = object
        object.trimCapacity()
        return .object(object)
    }

    public mutating func add(_ key: String, _ value: String?) {
        if let value { object.append(newKey: key, .string(value)) }
    }

    public mutating func add(_ key: String, _ value: Int?) {
        if let value { object.append(newKey: key, .integer(value)) }
    }

    public mutating func add(_ key: String, _ value: Bool?) {
        if let value { object.append(newKey: key, .bool(value)) }
    }

    public mutating func add(_ key: String, _ value: JSONValue?) {
        if let value { object.append(newKey: key, value) }
    }

    public mutating func add(_ key: String, _ value: [JSONValue]?) {
        if let value { object.append(newKey: key, .array(value)) }
    }

    public mutating func add(_ key: String, _ value: [String]?) {
        if let value { object.append(newKey: key, .array(value.map(JSONValue.string))) }
    }

    public mutating func add(_ key: String, _ value: [Int]?) {
        if let value { object.append(newKey: key, .array(value.map(JSONValue.integer))) }
    }

    public mutating func add(_ key: String, _ value: [String: String]?) {
        guard let value else { return }
        var members = JSONObject()
        members.reserveCapacity(value.count)
        for (name, text) in value.sorted(by: { $0.key < $1.key }) { members.append(newKey: name, .string(text)) }
        object.append(newKey: key, .object(members))
    }

    public mutating func add<T: JSONValueConvertible>(_ key: String, _ value: T?) {
        if let value { object.append(newKey: key, value.jsonValue) }
    }

    public mutating func add<T: JSONValueConvertible>(_ key: String, _ value: [T]?) {
        if let value { object.append(newKey: key, .array(value.map(\.jsonValue))) }
    }

    public mutating func add<T: JSONValueConvertible>(_ key: String, _ value: [String: T]?) {
        guard let value else { return }
        var members = JSONObject()
        members.reserveCapacity(value.count)
        for (name, element) in value.sorted(by: { $0.key < $1.key }) { members.append(newKey: name, element.jsonValue) }
        object.append(newKey: key, .object(members))
    }
}

extension IntOrString: JSONValueConvertible {
    public var jsonValue: JSONValue {
        switch self {
        case .int(let value): return .integer(value)
        case .string(let value): return .string(value)
        }
    }
}

extension Quantity: JSONValueConvertible {
    public var jsonValue: JSONValue { .string(text) }
}

/// A top-level object of apiVersion, kind, metadata and spec (in that order, as their Encodable
/// conformances write them), built as a JSON value directly.
public protocol SpecifiedObject: KubernetesObject, JSONValueConvertible {
    associatedtype Spec: JSONValueConvertible
    var apiVersion: String { get }
    var kind: String { get }
    var spec: Spec { get }
}

extension SpecifiedObject {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder(fields: 4)
        object.add("apiVersion", apiVersion)
        object.add("kind", kind)
        object.add("metadata", metadata)
        object.add("spec", spec)
        return object.value
    }
}
