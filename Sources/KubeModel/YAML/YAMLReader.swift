import CYaml

/// An item of a long `kind: List` read on its own (`YAMLReader.read(_:firstLine:documentsBefore:items:each:)`):
/// the document it is in (index and 1-based line), its index in `items`, its value and lines.
struct YAMLItem {
    let document: Int
    let documentLine: Int
    let index: Int
    let value: JSONValue
    let lines: LineTree
}

/// One document of a YAML stream: its value and lines (nil for an empty document), or why it
/// could not be read.
struct YAMLDocument {
    /// Position in the stream, from 1.
    let index: Int
    /// The 1-based line the document starts at.
    let line: Int
    let content: Result<(value: JSONValue, lines: LineTree)?, YAMLProblem>
    /// Problems confined to one item of the root's `items` (null in the value), by index.
    var itemProblems: [(index: Int, problem: YAMLProblem)] = []
}

/// Reads a YAML (or JSON) stream at the event level with libyaml, straight into `JSONValue`,
/// one document at a time. A document that is YAML but not a JSON value (a duplicate key, an
/// unknown alias) is reported and the stream goes on; after a syntax error, where libyaml cannot
/// go on, reading resumes at the next `---` line, so later documents are still read.
enum YAMLReader {
    static func read(_ text: String, each: (YAMLDocument) -> Void) {
        var text = text
        text.withUTF8 { bytes in read(bytes, each: each) }
    }

    /// Reads `bytes`, numbering lines from `firstLine` (0-based) and documents after
    /// `documentsBefore`: a piece of a longer stream that starts at a document boundary.
    /// With `items`, a `kind: List` of more than `YAMLTreeBuilder.streamAfter` items gives
    /// them to `items` one by one as they are read, and its document (to `each`) holds none
    /// of them: a long List is never held whole as values.
    static func read(
        _ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 0, documentsBefore: Int = 0,
        items: ((YAMLItem) -> Void)? = nil, each: (YAMLDocument) -> Void
    ) {
        var position = (offset: 0, line: firstLine)
        var index = documentsBefore
        while position.offset < bytes.count {
            // libyaml stops at a character YAML forbids wherever its read-ahead meets it, even
            // documents ahead: find it first, read the documents before its own, report that one.
            guard let bad = forbiddenCharacter(in: bytes, from: position) else {
                readRegion(bytes, from: position, index: &index, items: items, each: each)
                return
            }
            let cut = lastDocumentMarker(in: bytes, from: position, upTo: bad.offset) ?? position
            if cut.offset > position.offset {
                readRegion(UnsafeBufferPointer(rebasing: bytes[..<cut.offset]), from: position, index: &index, items: items, each: each)
            }
            index += 1
            each(YAMLDocument(index: index, line: cut.line + 1, content: .failure(YAMLProblem(line: bad.line + 1, message: bad.message, isSyntax: true))))
            guard let next = nextDocumentMarker(in: bytes, from: cut, after: bad.line) else { return }
            position = next
        }
    }

    /// Reads every document of `bytes` from `start`, resuming after each syntax error.
    private static func readRegion(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: (offset: Int, line: Int), index: inout Int,
        items: ((YAMLItem) -> Void)?, each: (YAMLDocument) -> Void
    ) {
        var segment = start
        while segment.offset < bytes.count, let next = readSegment(bytes, from: segment, index: &index, items: items, each: each) {
            segment = next
        }
    }

    /// The first character libyaml refuses (C0 and C1 controls other than tab, line feed,
    /// carriage return and NEL; DEL; U+FFFE and U+FFFF) or byte that is not UTF-8, with its
    /// offset, 0-based line and what is wrong.
    private static func forbiddenCharacter(
        in bytes: UnsafeBufferPointer<UInt8>, from start: (offset: Int, line: Int)
    ) -> (offset: Int, line: Int, message: String)? {
        func control(_ scalar: UInt32) -> String {
            "control character U+\(String(scalar, radix: 16, uppercase: true).leftPadded(to: 4)) is not allowed in YAML"
        }
        var line = start.line
        var offset = start.offset
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\n"):
                line += 1
            case UInt8(ascii: "\r"):
                if offset + 1 == bytes.count || bytes[offset + 1] != UInt8(ascii: "\n") { line += 1 }
            case UInt8(ascii: "\t"), 0x20..<0x7F:
                break
            case 0..<0x20, 0x7F:
                return (offset, line, control(UInt32(byte)))
            default:
                let length = UTF8Check.sequenceLength(bytes, at: offset)
                guard length > 0 else {
                    return (offset, line, "not UTF-8 text: byte 0x\(String(byte, radix: 16, uppercase: true)) cannot start or continue a character here")
                }
                if byte == 0xC2, (0x80...0x9F).contains(bytes[offset + 1]), bytes[offset + 1] != 0x85 {
                    return (offset, line, control(UInt32(bytes[offset + 1])))
                }
                if byte == 0xEF, bytes[offset + 1] == 0xBF, bytes[offset + 2] == 0xBE || bytes[offset + 2] == 0xBF {
                    return (offset, line, control(bytes[offset + 2] == 0xBE ? 0xFFFE : 0xFFFF))
                }
                offset += length - 1
            }
            offset += 1
        }
        return nil
    }

    /// The last `---` line at or after `start` that begins at or before `limit`.
    private static func lastDocumentMarker(
        in bytes: UnsafeBufferPointer<UInt8>, from start: (offset: Int, line: Int), upTo limit: Int
    ) -> (offset: Int, line: Int)? {
        var found: (offset: Int, line: Int)?
        var cursor = (offset: start.offset, line: start.line - 1)
        while let marker = nextDocumentMarker(in: bytes, from: start, after: cursor.line, startingAt: cursor), marker.offset <= limit {
            found = marker
            cursor = marker
        }
        return found
    }

    /// Reads from `start` (a byte offset at the beginning of 0-based line `start.line`) to the
    /// end, or to a syntax error; returns where to resume after an error, nil when done.
    private static func readSegment(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: (offset: Int, line: Int), index: inout Int,
        items: ((YAMLItem) -> Void)?, each: (YAMLDocument) -> Void
    ) -> (offset: Int, line: Int)? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { return nil }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress.map { $0 + start.offset }, bytes.count - start.offset)

        var builder = YAMLTreeBuilder(streamingItems: items != nil)
        var problem: YAMLProblem?
        var documentLine: Int?
        var documentStartLine = 0
        var lastEnd = start.line
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else {
                let syntax = syntaxProblem(parser.pointee, lineBase: start.line)
                if documentLine == nil { index += 1 }
                let from = documentLine ?? lastEnd
                each(YAMLDocument(index: index, line: (documentLine ?? syntax.line.map { $0 - 1 } ?? lastEnd) + 1, content: .failure(syntax)))
                return nextDocumentMarker(in: bytes, from: start, after: max(from, start.line))
            }
            defer { yaml_event_delete(&event) }
            let line = start.line + Int(event.start_mark.line)
            switch event.type {
            case YAML_DOCUMENT_START_EVENT:
                index += 1
                documentLine = line
                documentStartLine = Int(event.start_mark.line)
                builder = YAMLTreeBuilder(streamingItems: items != nil)
                problem = nil
            case YAML_DOCUMENT_END_EVENT:
                let content: Result<(value: JSONValue, lines: LineTree)?, YAMLProblem>
                if let problem {
                    content = .failure(problem)
                } else {
                    content = .success(builder.root.map { ($0.value, $0.lines) })
                }
                each(YAMLDocument(index: index, line: (documentLine ?? line) + 1, content: content, itemProblems: builder.itemProblems))
                documentLine = nil
                lastEnd = start.line + Int(event.end_mark.line)
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT, YAML_ALIAS_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT,
                 YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let opens = event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT
                let closes = event.type == YAML_SEQUENCE_END_EVENT || event.type == YAML_MAPPING_END_EVENT
                guard problem == nil, !builder.skips(opens: opens, closes: closes) else { continue }
                do {
                    try node(event, line: line + 1, into: &builder)
                } catch {
                    if !builder.isolate(error, opened: opens) { problem = error }
                }
                guard let items else { continue }
                if builder.needsKind {
                    let document = offset(ofLine: documentStartLine, in: bytes, from: start.offset)
                    builder.decideStreaming(isList: rootKind(in: UnsafeBufferPointer(rebasing: bytes[document...]))?.stringValue?.hasSuffix("List") == true)
                }
                for item in builder.takeItems() {
                    items(YAMLItem(document: index, documentLine: (documentLine ?? line) + 1, index: item.index, value: item.value, lines: item.lines))
                }
            default:
                continue
            }
        }
    }

    /// The value of a scalar event, as its tag, style and text resolve it.
    private static func scalarValue(_ event: yaml_event_t) -> JSONValue {
        let scalar = event.data.scalar
        let bytes = UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length))
        let tag = scalar.tag.map { String(cString: $0) }
        let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE
        if let tag, tag != "!" { return YAMLScalar.tagged(bytes, tag: tag, plain: plain) }
        if plain && scalar.plain_implicit == 1 { return YAMLScalar.plain(bytes) }
        return .string(String(decoding: bytes, as: UTF8.self))
    }

    /// The offset of the start of the line `lines` line breaks (as libyaml counts them) after `start`.
    private static func offset(ofLine lines: Int, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var offset = start
        var line = 0
        while line < lines, offset < bytes.count {
            let length = LineBreak.length(at: offset, in: bytes)
            if length > 0 { line += 1 }
            offset += max(length, 1)
        }
        return min(offset, bytes.count)
    }

    /// The root mapping's `kind` in the document at the start of `bytes`, read ahead at the
    /// event level without building the document; nil when it is not a scalar written in the
    /// root mapping itself (or the text does not read that far).
    private static func rootKind(in bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { return nil }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
        var depth = 0
        var key: String?
        var event = yaml_event_t()
        while yaml_parser_parse(parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                guard depth > 0 || event.type == YAML_MAPPING_START_EVENT, depth != 1 || (key != nil && key != "kind") else { return nil }
                depth += 1
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                depth -= 1
                guard depth > 0 else { return nil }
                if depth == 1 { key = nil }
            case YAML_SCALAR_EVENT where depth == 1:
                guard let name = key else {
                    key = String(decoding: UnsafeBufferPointer(start: event.data.scalar.value, count: Int(event.data.scalar.length)), as: UTF8.self)
                    continue
                }
                if name == "kind" { return scalarValue(event) }
                key = nil
            case YAML_ALIAS_EVENT where depth == 1:
                guard key != nil, key != "kind" else { return nil }
                key = nil
            case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT:
                return nil
            default:
                continue
            }
        }
        return nil
    }

    private static func node(_ event: yaml_event_t, line: Int, into builder: inout YAMLTreeBuilder) throws(YAMLProblem) {
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let bytes = UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length))
            let tag = scalar.tag.map { String(cString: $0) }
            let plain = scalar.style == YAML_PLAIN_SCALAR_STYLE
            let value = scalarValue(event)
            let isMergeKey = plain && tag == nil && bytes.count == 2 && bytes[0] == UInt8(ascii: "<") && bytes[1] == UInt8(ascii: "<")
            try builder.scalar(value, text: value.stringValue ?? String(decoding: bytes, as: UTF8.self), line: line,
                               anchor: scalar.anchor.map { String(cString: $0) }, isMergeKey: isMergeKey)
        case YAML_ALIAS_EVENT:
            try builder.alias(event.data.alias.anchor.map { String(cString: $0) } ?? "", line: line)
        case YAML_SEQUENCE_START_EVENT:
            try builder.start(mapping: false, line: line, anchor: event.data.sequence_start.anchor.map { String(cString: $0) })
        case YAML_MAPPING_START_EVENT:
            try builder.start(mapping: true, line: line, anchor: event.data.mapping_start.anchor.map { String(cString: $0) })
        default:
            try builder.end()
        }
    }

    /// libyaml's error as a problem at its 1-based line: "context, problem".
    private static func syntaxProblem(_ parser: yaml_parser_t, lineBase: Int) -> YAMLProblem {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        let context = parser.context.map { String(cString: $0) }
        let message = [context, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        let mark = parser.problem_mark
        let line: Int? = parser.error == YAML_MEMORY_ERROR ? nil : lineBase + Int(mark.line) + 1
        return YAMLProblem(line: line, message: message, isSyntax: true)
    }

    /// The first `---` document marker (at the start of a line, followed by a blank or the end)
    /// on a 0-based line after `line`, scanning from `start` (or from `cursor`, a line start
    /// past it); nil when there is none.
    private static func nextDocumentMarker(
        in bytes: UnsafeBufferPointer<UInt8>, from start: (offset: Int, line: Int), after line: Int,
        startingAt cursor: (offset: Int, line: Int)? = nil
    ) -> (offset: Int, line: Int)? {
        var offset = max(start.offset, cursor?.offset ?? 0)
        var current = max(start.line, cursor?.line ?? 0)
        let dash = UInt8(ascii: "-")
        while offset < bytes.count {
            if current > line, offset + 2 < bytes.count, bytes[offset] == dash, bytes[offset + 1] == dash, bytes[offset + 2] == dash {
                let after = offset + 3
                if after == bytes.count || [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[after]) {
                    return (offset, current)
                }
            }
            // Skip to the start of the next line ("\n", "\r\n" or a lone "\r").
            while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n"), bytes[offset] != UInt8(ascii: "\r") { offset += 1 }
            guard offset < bytes.count else { return nil }
            if bytes[offset] == UInt8(ascii: "\r"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "\n") { offset += 1 }
            offset += 1
            current += 1
        }
        return nil
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
