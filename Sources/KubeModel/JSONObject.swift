/// A JSON object that remembers the order its keys were first set in.
///
/// Equality ignores order (two objects with the same members are equal), so comparing desired
/// and observed state is not fooled by a server that reorders keys.
///
/// Members are kept in one array, searched linearly: most Kubernetes objects have a handful of
/// keys, for which a scan beats hashing. Objects with more than `indexedCount` keys (label maps,
/// ConfigMap data) also keep a key index.
public struct JSONObject: Sendable {
    public typealias Member = (key: String, value: JSONValue)

    private var members: [Member] = []
    /// Key -> position in `members`; only for objects with more than `indexedCount` keys.
    private var index: [String: Int]?

    private static let indexedCount = 16

    public init() {}

    /// Builds an object from pairs in order; a repeated key keeps its first position and last value.
    public init<S: Sequence>(_ pairs: S) where S.Element == (String, JSONValue) {
        members.reserveCapacity(pairs.underestimatedCount)
        for (key, value) in pairs { self[key] = value }
    }

    /// The keys, in order.
    public var keys: [String] { members.map(\.key) }

    /// The value for `key`; setting nil removes the key.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { members[$0].value } }
        set {
            if let newValue {
                if let position = position(of: key) {
                    members[position].value = newValue
                } else {
                    append(newKey: key, newValue)
                }
            } else if let position = position(of: key) {
                members.remove(at: position)
                if index != nil { buildIndex() }
            }
        }
    }

    /// Appends a member whose key the caller knows is new (a builder writing declared fields).
    mutating func append(newKey key: String, _ value: JSONValue) {
        members.append((key, value))
        if index != nil {
            index?[key] = members.count - 1
        } else if members.count > Self.indexedCount {
            buildIndex()
        }
    }

    mutating func reserveCapacity(_ capacity: Int) { members.reserveCapacity(capacity) }

    /// Gives back reserved storage when more than half of it (and over four members) is unused.
    mutating func trimCapacity() {
        guard members.capacity > 2 * members.count + 4 else { return }
        var trimmed: [Member] = []
        trimmed.reserveCapacity(members.count)
        trimmed.append(contentsOf: members)
        members = trimmed
    }

    public var count: Int { members.count }
    public var isEmpty: Bool { members.isEmpty }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return members.firstIndex { $0.key == key }
    }

    private mutating func buildIndex() {
        var index = [String: Int](minimumCapacity: members.count)
        for (position, member) in members.enumerated() { index[member.key] = position }
        self.index = members.count > Self.indexedCount ? index : nil
    }
}

extension JSONObject: Sequence {
    public func makeIterator() -> IndexingIterator<[Member]> { members.makeIterator() }
    public var underestimatedCount: Int { members.count }
}

extension JSONObject: Hashable {
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        return lhs.members.allSatisfy { rhs[$0.key] == $0.value }
    }

    /// Order-independent, as equality is: the members' hashes are combined commutatively.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for member in members {
            var memberHasher = hasher
            memberHasher.combine(member.key)
            memberHasher.combine(member.value)
            combined ^= memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements) }
}
