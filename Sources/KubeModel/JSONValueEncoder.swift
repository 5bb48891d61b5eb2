/// Encodes `Encodable` values into a `JSONValue`, keeping the order in which properties are
/// encoded (declaration order for synthesized conformances). String-keyed dictionaries are
/// written with sorted keys, so output never depends on hashing.
public struct JSONValueEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        if let convertible = value as? any JSONValueConvertible { return convertible.jsonValue }
        return try encodeWithCodable(value, usingConvertible: true)
    }

    /// Encodes through `Encodable`; below the root, `JSONValueConvertible` values build
    /// themselves only when `usingConvertible` (false: `Encodable` at every depth, for the tests
    /// that hold the two equal).
    func encodeWithCodable<T: Encodable>(_ value: T, usingConvertible: Bool = false) throws -> JSONValue {
        let root = TreeNode(parent: nil, key: nil, usesConvertible: usingConvertible)
        try root.encode(value)
        return root.json
    }
}

/// A dictionary with String keys, which the encoder writes in sorted key order.
private protocol StringKeyedDictionary {
    func sortedEncodableEntries() -> [(String, any Encodable)]
}

extension Dictionary: StringKeyedDictionary where Key == String, Value: Encodable {
    fileprivate func sortedEncodableEntries() -> [(String, any Encodable)] {
        sorted { $0.key < $1.key }.map { ($0.key, $0.value as any Encodable) }
    }
}

/// A mutable tree the containers write into; turned into a `JSONValue` at the end. Each node
/// knows its parent and key, so coding paths are built only when asked for (in errors).
private final class TreeNode {
    private enum Kind { case unset, value, object, array }

    private var kind = Kind.unset
    private var value = JSONValue.null
    /// Object member names, parallel to `children`; unused for arrays.
    private var keys: [String] = []
    /// Object members or array elements, in order.
    private var children: [TreeNode] = []
    private unowned let parent: TreeNode?
    private let key: AnyKey?
    /// Whether `JSONValueConvertible` values build themselves (false only in tests).
    private let usesConvertible: Bool

    init(parent: TreeNode?, key: AnyKey?, usesConvertible: Bool) {
        self.parent = parent
        self.key = key
        self.usesConvertible = usesConvertible
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var node: TreeNode? = self
        while let current = node, let key = current.key {
            path.append(key)
            node = current.parent
        }
        return path.reversed()
    }

    var json: JSONValue {
        switch kind {
        case .unset: return .object(JSONObject())
        case .value: return value
        case .object:
            var object = JSONObject()
            for (key, member) in zip(keys, children) { object[key] = member.json }
            return .object(object)
        case .array: return .array(children.map(\.json))
        }
    }

    func set(_ value: JSONValue) {
        kind = .value
        self.value = value
        keys = []
        children = []
    }

    func encode<T: Encodable>(_ value: T) throws {
        if let json = value as? JSONValue {
            set(json)
        } else if usesConvertible, let convertible = value as? any JSONValueConvertible {
            set(convertible.jsonValue)
        } else if let dictionary = value as? any StringKeyedDictionary {
            makeObject()
            for (key, element) in dictionary.sortedEncodableEntries() {
                try appendMember(key).encode(element)
            }
        } else {
            try value.encode(to: TreeEncoder(node: self))
        }
    }

    /// The member `key`, created at the end when new (a repeated key keeps its first position).
    func child(_ key: String) -> TreeNode {
        makeObject()
        if let index = keys.firstIndex(of: key) { return children[index] }
        return appendMember(key)
    }

    private func appendMember(_ key: String) -> TreeNode {
        let node = TreeNode(parent: self, key: AnyKey(key), usesConvertible: usesConvertible)
        keys.append(key)
        children.append(node)
        return node
    }

    func appendElement() -> TreeNode {
        makeArray()
        let node = TreeNode(parent: self, key: AnyKey(index: children.count), usesConvertible: usesConvertible)
        children.append(node)
        return node
    }

    var elementCount: Int { kind == .array ? children.count : 0 }

    func makeObject() {
        guard kind != .object else { return }
        kind = .object
        keys = []
        children = []
    }

    func makeArray() {
        guard kind != .array else { return }
        kind = .array
        keys = []
        children = []
    }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ string: String) { stringValue = string }
    init(index: Int) {
        stringValue = String(index)
        intValue = index
    }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.init(index: intValue) }
}

private struct TreeEncoder: Encoder {
    let node: TreeNode
    var codingPath: [any CodingKey] { node.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedTreeContainer(node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleTreeContainer(node: node)
    }
}

/// Writes members; the common scalar types directly, without going through an `Encoder`.
private struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: TreeNode
    var codingPath: [any CodingKey] { node.codingPath }

    mutating func encodeNil(forKey key: Key) throws { node.child(key.stringValue).set(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.child(key.stringValue).set(.bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { node.child(key.stringValue).set(.string(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { node.child(key.stringValue).set(.integer(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { node.child(key.stringValue).set(.number(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try node.child(key.stringValue).encode(value)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(node: node.child(key.stringValue)).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(node: node.child(key.stringValue)).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(node: node.child("super")) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(node: node.child(key.stringValue)) }
}

/// Appends elements; the common scalar types directly, without going through an `Encoder`.
private struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let node: TreeNode
    var codingPath: [any CodingKey] { node.codingPath }
    var count: Int { node.elementCount }

    mutating func encodeNil() throws { node.appendElement().set(.null) }
    mutating func encode(_ value: Bool) throws { node.appendElement().set(.bool(value)) }
    mutating func encode(_ value: String) throws { node.appendElement().set(.string(value)) }
    mutating func encode(_ value: Int) throws { node.appendElement().set(.integer(value)) }
    mutating func encode(_ value: Double) throws { node.appendElement().set(.number(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { try node.appendElement().encode(value) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(node: node.appendElement()).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        TreeEncoder(node: node.appendElement()).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { TreeEncoder(node: node.appendElement()) }
}

private struct SingleTreeContainer: SingleValueEncodingContainer {
    let node: TreeNode
    var codingPath: [any CodingKey] { node.codingPath }

    mutating func encodeNil() throws { node.set(.null) }
    mutating func encode(_ value: Bool) throws { node.set(.bool(value)) }
    mutating func encode(_ value: String) throws { node.set(.string(value)) }
    mutating func encode(_ value: Double) throws { node.set(.number(value)) }
    mutating func encode(_ value: Float) throws { node.set(.number(Double(value))) }
    mutating func encode(_ value: Int) throws { node.set(.integer(value)) }
    mutating func encode(_ value: Int8) throws { node.set(.integer(Int(value))) }
    mutating func encode(_ value: Int16) throws { node.set(.integer(Int(value))) }
    mutating func encode(_ value: Int32) throws { node.set(.integer(Int(value))) }
    mutating func encode(_ value: Int64) throws { node.set(.integer(Int(value))) }
    mutating func encode(_ value: UInt) throws { node.set(.integer(Int(clamping: value))) }
    mutating func encode(_ value: UInt8) throws { node.set(.integer(Int(value))) }
    mutating func encode(_ value: UInt16) throws { node.set(.integer(Int(value))) }
    mutating func encode(_ value: UInt32) throws { node.set(.integer(Int(value))) }
    mutating func encode(_ value: UInt64) throws { node.set(.integer(Int(clamping: value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { try node.encode(value) }
}
