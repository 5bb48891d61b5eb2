extension SourceOrigin {
    /// This object's origin keeping only the lines of its fields at most `depth` levels deep
    /// (a deeper field answers with its nearest kept ancestor's line, as a field without a line
    /// does) and nothing of the rest of its document (the other items of a `kind: List`): what a
    /// report needs of an object it only points into, held compactly until the report is written.
    public func pruned(depth: Int) -> SourceOrigin {
        SourceOrigin(file: file, document: document, basePath: .root, lines: lines?.subtree(at: basePath).pruned(depth: depth))
    }
}

extension LineTree {
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

    /// The tree cut `depth` levels below its root.
    func pruned(depth: Int) -> LineTree {
        guard depth > 0 else { return LineTree(line: line) }
        return LineTree(line: line, keys: keys, children: children.map { $0.pruned(depth: depth - 1) })
    }
}
