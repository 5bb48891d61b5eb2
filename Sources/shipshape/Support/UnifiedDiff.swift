/// A unified diff of two texts, line by line, as `diff -u` prints it (three lines of context).
enum UnifiedDiff {
    /// The hunks (`@@ -a,b +c,d @@` and their lines) between `old` and `new`; empty when equal.
    static func hunks(_ old: [Substring], _ new: [Substring], context: Int = 3) -> [String] {
        let edits = script(old, new)
        var groups: [(first: Int, last: Int)] = []
        for index in edits.indices where edits[index].kind != .same {
            if let last = groups.last, index - last.last - 1 <= 2 * context {
                groups[groups.count - 1].last = index
            } else {
                groups.append((index, index))
            }
        }
        var output: [String] = []
        for group in groups {
            let slice = edits[max(group.first - context, 0)..<min(group.last + context + 1, edits.count)]
            let oldStart = slice.first?.oldLine ?? 0, newStart = slice.first?.newLine ?? 0
            let oldCount = slice.filter { $0.kind != .added }.count, newCount = slice.filter { $0.kind != .removed }.count
            output.append("@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@")
            for edit in slice {
                switch edit.kind {
                case .same: output.append(" " + edit.text)
                case .removed: output.append("-" + edit.text)
                case .added: output.append("+" + edit.text)
                }
            }
        }
        return output
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }

    private struct Edit {
        enum Kind { case same, removed, added }
        var kind: Kind
        var text: Substring
        /// Lines of each side before this one (0-based positions).
        var oldLine: Int
        var newLine: Int
    }

    /// The edit script of the standard library's difference (Myers' algorithm): removals before
    /// additions where both happen, as `diff -u` orders them.
    private static func script(_ old: [Substring], _ new: [Substring]) -> [Edit] {
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in new.difference(from: old) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                edits.append(Edit(kind: .removed, text: old[i], oldLine: i, newLine: j)); i += 1
            } else if j < new.count, inserted.contains(j) {
                edits.append(Edit(kind: .added, text: new[j], oldLine: i, newLine: j)); j += 1
            } else {
                edits.append(Edit(kind: .same, text: old[i], oldLine: i, newLine: j)); i += 1; j += 1
            }
        }
        return edits
    }
}
