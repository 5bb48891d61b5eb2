/// A path to a field inside an object, printed the way kubectl and the API server print them:
/// `spec.ports[1].port`, or `spec.template.spec.containers[api].image` where an element has a name.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        case key(String)
        /// An array index, with the element's `name` (if it has one) for readable messages.
        case index(Int, name: String?)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    /// Parses a dotted path such as `spec.ports[1].port` (indices only, no names).
    public init(parsing text: String) {
        var components: [Component] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: true) {
            var rest = Substring(part)
            if let bracket = rest.firstIndex(of: "[") {
                components.append(.key(String(rest[..<bracket])))
                rest = rest[bracket...]
                while rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                    let inner = rest[rest.index(after: rest.startIndex)..<close]
                    components.append(.index(Int(inner) ?? 0, name: Int(inner) == nil ? String(inner) : nil))
                    rest = rest[rest.index(after: close)...]
                }
            } else {
                components.append(.key(String(rest)))
            }
        }
        self.components = components
    }

    public static let root = FieldPath()

    /// This path extended by a key.
    public func key(_ key: String) -> FieldPath { FieldPath(components + [.key(key)]) }

    /// This path extended by an index (and optionally the element's name).
    public func index(_ index: Int, name: String? = nil) -> FieldPath {
        FieldPath(components + [.index(index, name: name)])
    }

    /// Both paths joined.
    public func appending(_ other: FieldPath) -> FieldPath { FieldPath(components + other.components) }

    /// The path with every element name dropped, for locating a value or its source line.
    public var indexOnly: FieldPath {
        FieldPath(components.map { if case .index(let i, _) = $0 { return .index(i, name: nil) } else { return $0 } })
    }

    /// The path without its last component; the root stays the root.
    public var parent: FieldPath { FieldPath(Array(components.dropLast())) }

    public var isRoot: Bool { components.isEmpty }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index, let name):
                text += "[\(name ?? String(index))]"
            }
        }
        return text
    }
}
