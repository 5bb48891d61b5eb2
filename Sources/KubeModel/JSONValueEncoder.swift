/// Encodes `Encodable` values into a `JSONValue`, keeping the order in which properties are
/// encoded (declaration order for synthesized conformances). String-keyed dictionaries are
/// written with sorted keys, so output never depends on hashing.
public struct JSONValueEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let root = TreeNode()
        try root.encode(value, codingPath: [])
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

/// A mutable tree the containers write into; turned into a `JSONValue` at the end.
private final class TreeNode {
    enum Storage {
        case unset
        case value(JSONValue)
        case object(keys: [String], members: [String: TreeNode])
        case array([TreeNode])
    }

    var storage: Storage = .unset

    var json: JSONValue {
        switch storage {
        case .unset: return .object(JSONObject())
        case .value(let value): return value
        case .object(let keys, let members):
            var object = JSONObject()
            for key in keys { if let member = members[key] { object[key] = member.json } }
            return .object(object)
        case .array(let nodes): return .array(nodes.map(\.json))
        }
    }

    func encode(_ value: some Encodable, codingPath: [any CodingKey]) throws {
        if let json = value as? JSONValue {
            storage = .value(json)
        } else if let dictionary = value as? any StringKeyedDictionary {
            storage = .object(keys: [], members: [:])
            for (key, element) in dictionary.sortedEncodableEntries() {
                try child(key).encode(element, codingPath: codingPath + [AnyKey(key)])
            }
        } else {
            try value.encode(to: TreeEncoder(node: self, codingPath: codingPath))
        }
    }

    func child(_ key: String) -> TreeNode {
        if case .object(var keys, var members) = storage {
            if let existing = members[key] { return existing }
            let node = TreeNode()
            keys.append(key)
            members[key] = node
            storage = .object(keys: keys, members: members)
            return node
        }
        let node = TreeNode()
        storage = .object(keys: [key], members: [key: node])
        return node
    }

    func appendElement() -> TreeNode {
        let node = TreeNode()
        if case .array(var nodes) = storage {
            nodes.append(node)
            storage = .array(nodes)
        } else {
            storage = .array([node])
        }
        return node
    }

    var elementCount: Int {
        if case .array(let nodes) = storage { return nodes.count }
        return 0
    }

    func makeObject() { if case .object = storage {} else { storage = .object(keys: [], members: [:]) } }
    func makeArray() { if case .array = storage {} else { storage = .array([]) } }
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
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.makeObject()
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.makeArray()
        return UnkeyedTreeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleTreeContainer(node: node, codingPath: codingPath)
    }
}

private struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: TreeNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.child(key.stringValue).storage = .value(.null) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try node.child(key.stringValue).encode(value, codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder {
        TreeEncoder(node: node.child("super"), codingPath: codingPath + [AnyKey("super")])
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let node: TreeNode
    let codingPath: [any CodingKey]
    var count: Int { node.elementCount }

    private func nextPath() -> [any CodingKey] { codingPath + [AnyKey(index: count)] }

    mutating func encodeNil() throws { node.appendElement().storage = .value(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = nextPath()
        try node.appendElement().encode(value, codingPath: path)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = nextPath()
        return TreeEncoder(node: node.appendElement(), codingPath: path).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = nextPath()
        return TreeEncoder(node: node.appendElement(), codingPath: path).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder {
        let path = nextPath()
        return TreeEncoder(node: node.appendElement(), codingPath: path)
    }
}

private struct SingleTreeContainer: SingleValueEncodingContainer {
    let node: TreeNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.storage = .value(.null) }
    mutating func encode(_ value: Bool) throws { node.storage = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { node.storage = .value(.string(value)) }
    mutating func encode(_ value: Double) throws { node.storage = .value(.number(value)) }
    mutating func encode(_ value: Float) throws { node.storage = .value(.number(Double(value))) }
    mutating func encode(_ value: Int) throws { node.storage = .value(.integer(value)) }
    mutating func encode(_ value: Int8) throws { node.storage = .value(.integer(Int(value))) }
    mutating func encode(_ value: Int16) throws { node.storage = .value(.integer(Int(value))) }
    mutating func encode(_ value: Int32) throws { node.storage = .value(.integer(Int(value))) }
    mutating func encode(_ value: Int64) throws { node.storage = .value(.integer(Int(value))) }
    mutating func encode(_ value: UInt) throws { node.storage = .value(.integer(Int(clamping: value))) }
    mutating func encode(_ value: UInt8) throws { node.storage = .value(.integer(Int(value))) }
    mutating func encode(_ value: UInt16) throws { node.storage = .value(.integer(Int(value))) }
    mutating func encode(_ value: UInt32) throws { node.storage = .value(.integer(Int(value))) }
    mutating func encode(_ value: UInt64) throws { node.storage = .value(.integer(Int(clamping: value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { try node.encode(value, codingPath: codingPath) }
}
