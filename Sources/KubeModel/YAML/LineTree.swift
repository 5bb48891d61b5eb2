/// The source lines of a value, shaped like the value: a mapping child's line is its key's, a
/// sequence element's is the element's own. Built alongside the value; no path hashing.
struct LineTree: Sendable {
    var line: Int
    /// The keys of a mapping, in the order of `children`; empty for sequences and scalars.
    var keys: [String]
    var children: [LineTree]

    init(line: Int, keys: [String] = [], children: [LineTree] = []) {
        self.line = line
        self.keys = keys
        self.children = children
    }

    /// This tree with `line` as its own line (a mapping value takes its key's line).
    func at(line: Int) -> LineTree { LineTree(line: line, keys: keys, children: children) }

    /// The tree of the field at `path`; where the path leaves the tree, a leaf with the line of
    /// its nearest ancestor (so every line asked below `path` stays the same).
    func subtree(at path: FieldPath) -> LineTree {
        var node = self
        for component in path.components {
            let next: LineTree?
            switch component {
            case .key(let key):
                next = node.keys.firstIndex(of: key).map { node.children[$0] }
            case .index(let index, _):
                next = node.keys.isEmpty && node.children.indices.contains(index) ? node.children[index] : nil
            }
            guard let next else { return LineTree(line: node.line) }
            node = next
        }
        return node
    }

    /// The line of `path`, or of its nearest ancestor with a line.
    func line(of path: FieldPath) -> Int {
        subtree(at: path).line
    }
}
