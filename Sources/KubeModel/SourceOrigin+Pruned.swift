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
    /// The tree cut `depth` levels below its root.
    func pruned(depth: Int) -> LineTree {
        guard depth > 0 else { return LineTree(line: line) }
        return LineTree(line: line, keys: keys, children: children.map { $0.pruned(depth: depth - 1) })
    }
}
