/// Why one YAML document could not be read: a located message.
struct YAMLProblem: Error, Sendable {
    /// 1-based line, when known.
    let line: Int?
    let message: String
    /// The text is not YAML (libyaml stopped), as opposed to YAML that is not a JSON value.
    let isSyntax: Bool
}

/// Builds one document's value and line tree from parser events, keeping a stack of open
/// collections (no recursion, so depth is bounded by `maxDepth`, not the thread's stack).
/// Anchors and aliases copy values (which share storage); `<<` merge keys merge mappings, keys
/// written in the mapping itself winning over merged ones, earlier merge sources over later.
struct YAMLTreeBuilder {
    static let maxDepth = 512
    /// Nodes aliases may add to one document, so a few lines cannot expand into billions.
    static let maxAliasNodes = 1_000_000

    /// A finished node: its value, lines, raw text (scalars, for use as a key) and size.
    struct Node {
        var value: JSONValue
        var lines: LineTree
        var keyText: String?
        var isMergeKey = false
        var count: Int
    }

    private struct Frame {
        let isMapping: Bool
        let line: Int
        let anchor: String?
        var elements: [JSONValue] = []
        var object = JSONObject()
        var keys: [String] = []
        var lines: [LineTree] = []
        var pendingKey: (text: String, line: Int, isMerge: Bool)?
        var merges: [(object: JSONObject, lines: LineTree)] = []
        var count = 1
    }

    private var stack: [Frame] = []
    private var anchors: [String: Node] = [:]
    private var aliasNodes = 0
    /// The document's root, once complete.
    private(set) var root: Node?
    /// Problems confined to one element of the root mapping's `items` (the items of a `kind:
    /// List`), by index; each such element is null in the value, so the others can be read.
    private(set) var itemProblems: [(index: Int, problem: YAMLProblem)] = []
    /// Collections of an isolated item still open, whose events are skipped.
    private var skippedDepth = 0

    /// Whether the elements of the root mapping's `items` are taken out as they complete
    /// (`takeItems()`) rather than held in the value: a long `kind: List` read an item at a
    /// time. Only once `streamAfter` items are held, and only where the root's `kind` ends in
    /// `List`: read before `items`, or looked up ahead (`needsKind`, `decideStreaming`).
    private var streaming: Streaming
    private enum Streaming { case off, undecided, on, declined }
    /// Items of a List held before its items are taken out one by one.
    static let streamAfter = 100
    /// Items taken out so far, and those completed since the last `takeItems()`.
    private var itemsTaken = 0
    private var completedItems: [(index: Int, value: JSONValue, lines: LineTree)] = []
    /// `streamAfter` items are held and the root's `kind` has not been read yet: the caller
    /// looks it up ahead and calls `decideStreaming(isList:)`.
    private(set) var needsKind = false

    /// `streamingItems`: a long List's items may be taken out as they complete (see `takeItems()`).
    init(streamingItems: Bool = false) {
        streaming = streamingItems ? .undecided : .off
    }

    /// The items of a List completed since the last call, with their index in `items`: each is
    /// left out of the document's value (whose `items` keeps the ones held before streaming
    /// began only until then).
    mutating func takeItems() -> [(index: Int, value: JSONValue, lines: LineTree)] {
        guard !completedItems.isEmpty else { return [] }
        defer { completedItems.removeAll(keepingCapacity: true) }
        return completedItems
    }

    /// Streams the items (the root's `kind`, looked up ahead, ends in `List`) or keeps holding them.
    mutating func decideStreaming(isList: Bool) {
        needsKind = false
        streaming = isList ? .on : .declined
        if isList { moveItems() }
    }

    /// After an element was added to the collection at `top`: takes it out if it is an item
    /// of a List being streamed, or decides whether to stream once `streamAfter` are held.
    private mutating func elementAdded(at top: Int) {
        guard top == 1, streaming == .on || streaming == .undecided, stack[0].isMapping,
              stack[0].pendingKey?.text == "items", stack[1].anchor == nil else { return }
        if streaming == .on {
            moveItems()
        } else if stack[1].elements.count >= Self.streamAfter {
            if let kind = stack[0].object["kind"] { decideStreaming(isList: kind.stringValue?.hasSuffix("List") == true) } else { needsKind = true }
        }
    }

    private mutating func moveItems() {
        for (offset, value) in stack[1].elements.enumerated() {
            completedItems.append((itemsTaken + offset, value, stack[1].lines[offset]))
        }
        itemsTaken += stack[1].elements.count
        stack[1].elements.removeAll(keepingCapacity: true)
        stack[1].lines.removeAll(keepingCapacity: true)
    }

    /// Confines `problem`, raised by the event just given (`opened`: one that starts a
    /// collection), to the element of the root mapping's `items` it is in, if it is in one:
    /// that element becomes null and the rest of its events are skipped. False when the problem
    /// is not inside such an element; the document is then unreadable.
    mutating func isolate(_ problem: YAMLProblem, opened: Bool) -> Bool {
        guard stack.count >= 2, stack[0].isMapping, stack[0].pendingKey?.text == "items", !stack[1].isMapping,
              stack.count > 2 || !opened else { return false }
        itemProblems.append((itemsTaken + stack[1].elements.count, problem))
        skippedDepth = stack.count - 2 + (opened ? 1 : 0)
        stack.removeLast(stack.count - 2)
        if skippedDepth == 0 { closeIsolatedItem(line: problem.line) }
        return true
    }

    /// Whether the event (`opens`/`closes` a collection) belongs to an isolated item, and is skipped.
    mutating func skips(opens: Bool, closes: Bool) -> Bool {
        guard skippedDepth > 0 else { return false }
        if opens { skippedDepth += 1 }
        if closes {
            skippedDepth -= 1
            if skippedDepth == 0 { closeIsolatedItem(line: itemProblems.last?.problem.line) }
        }
        return true
    }

    private mutating func closeIsolatedItem(line: Int?) {
        stack[1].elements.append(.null)
        stack[1].lines.append(LineTree(line: line ?? stack[1].line))
        stack[1].count += 1
        elementAdded(at: 1)
    }

    mutating func scalar(_ value: JSONValue, text: @autoclosure () -> String, line: Int, anchor: String?, isMergeKey: Bool) throws(YAMLProblem) {
        let keyText = stack.last.map { $0.isMapping && $0.pendingKey == nil } ?? false ? text() : nil
        var node = Node(value: value, lines: LineTree(line: line), keyText: keyText, isMergeKey: isMergeKey, count: 1)
        if let anchor {
            node.keyText = text()
            anchors[anchor] = node
            node.keyText = keyText
        }
        try deliver(node)
    }

    mutating func alias(_ name: String, line: Int) throws(YAMLProblem) {
        guard var node = anchors[name] else {
            throw YAMLProblem(line: line, message: "unknown alias *\(name) (no anchor &\(name) before it in this document)", isSyntax: true)
        }
        aliasNodes += node.count
        guard aliasNodes <= Self.maxAliasNodes else {
            throw YAMLProblem(line: line, message: "aliases expand to more than \(Self.maxAliasNodes) nodes", isSyntax: false)
        }
        node.isMergeKey = false
        try deliver(node)
    }

    mutating func start(mapping: Bool, line: Int, anchor: String?) throws(YAMLProblem) {
        if let top = stack.last, top.isMapping, top.pendingKey == nil {
            throw YAMLProblem(line: line, message: "mapping keys must be scalars (strings), not \(mapping ? "mappings" : "sequences")", isSyntax: false)
        }
        guard stack.count < Self.maxDepth else {
            throw YAMLProblem(line: line, message: "nested deeper than \(Self.maxDepth) levels", isSyntax: false)
        }
        stack.append(Frame(isMapping: mapping, line: line, anchor: anchor))
    }

    mutating func end() throws(YAMLProblem) {
        guard let frame = stack.popLast() else { return }
        var node: Node
        if frame.isMapping {
            node = Self.merged(frame)
        } else {
            node = Node(value: .array(frame.elements), lines: LineTree(line: frame.line, children: frame.lines), count: frame.count)
        }
        if let anchor = frame.anchor { anchors[anchor] = node }
        node.keyText = nil
        try deliver(node)
    }

    private mutating func deliver(_ node: Node) throws(YAMLProblem) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].count += node.count
        if !stack[top].isMapping {
            stack[top].elements.append(node.value)
            stack[top].lines.append(node.lines)
            if streaming != .off { elementAdded(at: top) }
            return
        }
        guard let key = stack[top].pendingKey else {
            guard let text = node.keyText else {
                throw YAMLProblem(line: node.lines.line, message: "mapping keys must be scalars (strings)", isSyntax: false)
            }
            stack[top].pendingKey = (text, node.lines.line, node.isMergeKey)
            return
        }
        stack[top].pendingKey = nil
        if key.isMerge {
            try stack[top].merges += Self.mergeSources(node, line: key.line)
            return
        }
        if stack[top].object[key.text] != nil {
            let first = stack[top].keys.firstIndex(of: key.text).map { " (first at line \(stack[top].lines[$0].line))" } ?? ""
            throw YAMLProblem(line: key.line, message: "duplicate key \"\(key.text)\"\(first)", isSyntax: true)
        }
        stack[top].object[key.text] = node.value
        stack[top].keys.append(key.text)
        stack[top].lines.append(node.lines.at(line: key.line))
    }

    /// The mappings a `<<` value names: one mapping, or a sequence of them.
    private static func mergeSources(_ node: Node, line: Int) throws(YAMLProblem) -> [(object: JSONObject, lines: LineTree)] {
        switch node.value {
        case .object(let object):
            return [(object, node.lines)]
        case .array(let elements):
            var sources: [(object: JSONObject, lines: LineTree)] = []
            for (index, element) in elements.enumerated() {
                guard case .object(let object) = element, node.lines.children.indices.contains(index) else {
                    throw YAMLProblem(line: line, message: "merge key << takes a mapping or a list of mappings, not a list with a \(element.typeName)", isSyntax: false)
                }
                sources.append((object, node.lines.children[index]))
            }
            return sources
        default:
            throw YAMLProblem(line: line, message: "merge key << takes a mapping or a list of mappings, not a \(node.value.typeName)", isSyntax: false)
        }
    }

    /// The mapping of `frame` with its merge sources' keys that it does not write itself, merged
    /// keys first (as YAML's merge type orders them).
    private static func merged(_ frame: Frame) -> Node {
        guard !frame.merges.isEmpty else {
            return Node(value: .object(frame.object), lines: LineTree(line: frame.line, keys: frame.keys, children: frame.lines), count: frame.count)
        }
        var object = JSONObject()
        var keys: [String] = []
        var lines: [LineTree] = []
        for source in frame.merges {
            for (index, key) in source.lines.keys.enumerated() where frame.object[key] == nil && object[key] == nil {
                guard let value = source.object[key] else { continue }
                object[key] = value
                keys.append(key)
                lines.append(source.lines.children[index])
            }
        }
        for (index, key) in frame.keys.enumerated() {
            object[key] = frame.object[key]
            keys.append(key)
            lines.append(frame.lines[index])
        }
        return Node(value: .object(object), lines: LineTree(line: frame.line, keys: keys, children: lines), count: frame.count)
    }
}
