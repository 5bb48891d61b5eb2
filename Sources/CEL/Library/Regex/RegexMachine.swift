/// A `RegexSyntax` compiled to a Thompson automaton and run over all its states at once (a Pike
/// machine without captures), so a match takes time linear in the text, as in RE2: no
/// backtracking, whatever the pattern.
struct RegexMachine {
    private enum Instruction {
        case scalar(RegexClass)
        case split(Int, Int)
        case jump(Int)
        case textStart
        case textEnd
        case match
    }

    private var program: [Instruction] = []
    /// Repetitions are copied out; past this many instructions the pattern goes to another engine.
    private static let maxInstructions = 20_000

    /// The machine for `pattern`, or nil where `RegexSyntax` does not cover it or its
    /// repetitions make it too large.
    init?(pattern: String) {
        guard let syntax = RegexSyntax.parse(pattern), emit(syntax) else { return nil }
        program.append(.match)
    }

    private mutating func emit(_ syntax: RegexSyntax) -> Bool {
        guard program.count < Self.maxInstructions else { return false }
        switch syntax {
        case .scalars(let set): program.append(.scalar(set))
        case .textStart: program.append(.textStart)
        case .textEnd: program.append(.textEnd)
        case .sequence(let items):
            for item in items where !emit(item) { return false }
        case .alternation(let branches):
            var jumps: [Int] = []
            for (offset, branch) in branches.enumerated() {
                let split = program.count
                let isLast = offset == branches.count - 1
                if !isLast { program.append(.split(split + 1, 0)) }
                guard emit(branch) else { return false }
                if !isLast {
                    jumps.append(program.count)
                    program.append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repetition(let item, let min, let max):
            for _ in 0..<min where !emit(item) { return false }
            if let max {
                // Each optional copy may be skipped to the end.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, 0))
                    guard emit(item) else { return false }
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                let loop = program.count
                program.append(.split(loop + 1, 0))
                guard emit(item) else { return false }
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
        return program.count < Self.maxInstructions
    }

    /// Whether the pattern matches anywhere in `text`.
    func matches(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var current = StateSet(count: program.count)
        var following = StateSet(count: program.count)
        for position in 0...scalars.count {
            // Unanchored: a match may start at every position.
            if add(0, at: position, of: scalars, to: &current) { return true }
            guard position < scalars.count else { break }
            following.clear()
            for pc in current.members {
                if case .scalar(let set) = program[pc], set.contains(scalars[position]),
                   add(pc + 1, at: position + 1, of: scalars, to: &following) {
                    return true
                }
            }
            swap(&current, &following)
        }
        return false
    }

    /// Adds `pc` and every state reachable from it without reading a scalar; true if that
    /// reaches the match.
    private func add(_ pc: Int, at position: Int, of scalars: [Unicode.Scalar], to states: inout StateSet) -> Bool {
        var pending = [pc]
        while let pc = pending.popLast() {
            guard states.insert(pc) else { continue }
            switch program[pc] {
            case .match: return true
            case .jump(let target): pending.append(target)
            case .split(let first, let second): pending.append(contentsOf: [second, first])
            case .textStart: if position == 0 { pending.append(pc + 1) }
            case .textEnd: if position == scalars.count { pending.append(pc + 1) }
            case .scalar: break
            }
        }
        return false
    }
}

/// A set of program counters with constant-time insert and clear (a sparse set).
private struct StateSet {
    private var dense: [Int]
    private var sparse: [Int]
    private(set) var count = 0

    init(count: Int) {
        dense = Array(repeating: 0, count: count)
        sparse = Array(repeating: 0, count: count)
    }

    var members: ArraySlice<Int> { dense[..<count] }

    /// Inserts `pc`; false if it was there.
    mutating func insert(_ pc: Int) -> Bool {
        let slot = sparse[pc]
        if slot < count, dense[slot] == pc { return false }
        sparse[pc] = count
        dense[count] = pc
        count += 1
        return true
    }

    mutating func clear() { count = 0 }
}
