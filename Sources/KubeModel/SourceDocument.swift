/// Where a value came from: a file (or `-`), a document in it, and the line of each field.
public struct SourceOrigin: Sendable {
    /// The file as the user named it; `-` for standard input.
    public let file: String
    /// The document's position in the file, from 1.
    public let document: Int
    /// Where this object sits inside the document (non-root for items of a `kind: List`).
    public let basePath: FieldPath
    let lines: LineTree?

    /// The source line of `path` (relative to this object), or of its nearest ancestor that has one.
    public func line(of path: FieldPath) -> Int? {
        lines?.line(of: basePath.appending(path))
    }

    /// `file:line` for a field, or `file (document N)` where no line is known.
    public func location(of path: FieldPath = .root) -> String {
        if let line = line(of: path) { return "\(file):\(line)" }
        return "\(file) (document \(document))"
    }
}

/// One object read from a file: its value and where it came from.
public struct SourceObject: Sendable {
    public let value: JSONValue
    public let origin: SourceOrigin

    public init(value: JSONValue, origin: SourceOrigin) {
        self.value = value
        self.origin = origin
    }

    /// `kind` of the object, or nil when absent.
    public var kind: String? { value["kind"]?.stringValue }
    /// `apiVersion` of the object, or nil when absent.
    public var apiVersion: String? { value["apiVersion"]?.stringValue }
    /// `metadata.name`, or nil.
    public var name: String? { value["metadata"]?["name"]?.stringValue }
    /// `metadata.namespace`, or nil.
    public var namespace: String? { value["metadata"]?["namespace"]?.stringValue }
}

/// One document of a file: the objects it holds (none for an empty document; the items of a
/// `kind: List`), or the located reason it could not be read.
public struct SourceDocument: Sendable {
    /// The file as the user named it; `-` for standard input.
    public let file: String
    /// The document's position in the file, from 1.
    public let index: Int
    /// The line the document starts at, from 1.
    public let line: Int
    public let objects: Result<[SourceObject], SourceError>
    /// Items of a readable `kind: List` that could not be read (not an object), each located at
    /// its line and named by its index; the other items are in `objects`.
    public let itemProblems: [SourceError]
}

/// Reads multi-document YAML or JSON text into objects, keeping the line of every field.
public enum SourceReader {
    /// Parses every document of `text`. Empty documents are skipped; `kind: List` (and any
    /// `*List` kind with `items`) is expanded into its items. All or nothing: the first
    /// unreadable document throws, naming the file and line.
    public static func objects(in text: String, file: String) throws(SourceError) -> [SourceObject] {
        var objects: [SourceObject] = []
        var failure: SourceError?
        forEachDocument(in: text, file: file) { document in
            guard failure == nil else { return }
            switch document.objects {
            case .success(let found):
                objects += found
                failure = document.itemProblems.first
            case .failure(let error): failure = error
            }
        }
        if let failure { throw failure }
        return objects
    }

    /// Every document of `text`, each with its objects or its own located error: one
    /// unreadable document does not keep the others from being read.
    public static func documents(in text: String, file: String) -> [SourceDocument] {
        var documents: [SourceDocument] = []
        forEachDocument(in: text, file: file) { documents.append($0) }
        return documents
    }

    /// Calls `body` with each document of `text` in order, as soon as it is read, so a long
    /// stream is held one document at a time.
    public static func forEachDocument(in text: String, file: String, _ body: (SourceDocument) -> Void) {
        YAMLReader.read(text) { body(sourceDocument($0, file: file)) }
    }

    /// As `forEachDocument(in:file:_:)` for a piece of a longer stream that starts at a
    /// document boundary, on 0-based line `firstLine`, after `documentsBefore` documents.
    /// With `listItemByItem`, a `kind: List` longer than `YAMLTreeBuilder.streamAfter` items
    /// comes in parts, as it is read: a document per item (same index and line) holding that
    /// item, located on its own (`basePath` is the root), then the document with the rest
    /// (items that are not objects and other item problems, or the whole document's error:
    /// the items before it were given already).
    static func forEachDocument(
        in bytes: UnsafeBufferPointer<UInt8>, file: String, firstLine: Int, documentsBefore: Int, listItemByItem: Bool = false,
        _ body: (SourceDocument) -> Void
    ) {
        guard listItemByItem else {
            YAMLReader.read(bytes, firstLine: firstLine, documentsBefore: documentsBefore) { body(sourceDocument($0, file: file)) }
            return
        }
        // The items' handler is kept while the reader runs (optional, so escaping), not after.
        withoutActuallyEscaping(body) { body in
            var itemProblems: [SourceError] = []
            YAMLReader.read(bytes, firstLine: firstLine, documentsBefore: documentsBefore, items: { item in
                switch item.value {
                case .null:
                    return
                case .object:
                    let origin = SourceOrigin(file: file, document: item.document, basePath: .root, lines: item.lines)
                    body(SourceDocument(file: file, index: item.document, line: item.documentLine,
                                        objects: .success([SourceObject(value: item.value, origin: origin)]), itemProblems: []))
                default:
                    itemProblems.append(.invalid(file: file, line: item.lines.line, document: item.document,
                                                 message: "\(FieldPath.root.key("items").index(item.index)): expected an object (a mapping), found \(item.value.typeName)"))
                }
            }, each: { document in
                body(sourceDocument(document, file: file, itemProblems: itemProblems))
                itemProblems = []
            })
        }
    }

    /// `document` read into objects; `itemProblems` are those of its items read on their own.
    private static func sourceDocument(_ document: YAMLDocument, file: String, itemProblems streamed: [SourceError] = []) -> SourceDocument {
        var (objects, itemProblems) = objects(of: document, file: file)
        if !streamed.isEmpty {
            itemProblems = (streamed + itemProblems).sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        }
        return SourceDocument(file: file, index: document.index, line: document.line, objects: objects, itemProblems: itemProblems)
    }

    private static func objects(of document: YAMLDocument, file: String) -> (Result<[SourceObject], SourceError>, [SourceError]) {
        func failure(_ problem: YAMLProblem) -> SourceError {
            problem.isSyntax
                ? .syntax(file: file, line: problem.line, message: problem.message)
                : .invalid(file: file, line: problem.line, document: document.index, message: problem.message)
        }
        let value: JSONValue, lines: LineTree
        switch document.content {
        case .failure(let problem):
            return (.failure(failure(problem)), [])
        case .success(nil):
            return (.success([]), [])
        case .success(let read?):
            (value, lines) = read
        }
        if value.isNull { return (.success([]), []) }
        guard case .object = value else {
            return (.failure(.invalid(file: file, line: lines.line, document: document.index,
                                      message: "expected an object (a mapping), found \(value.typeName)")), [])
        }
        guard let kind = value["kind"]?.stringValue, kind.hasSuffix("List"), let items = value["items"]?.arrayValue else {
            if let first = document.itemProblems.first { return (.failure(failure(first.problem)), []) }
            return (.success([SourceObject(value: value, origin: SourceOrigin(file: file, document: document.index, basePath: .root, lines: lines))]), [])
        }
        // One bad item does not hide the others: each is reported at its line, by its index.
        var objects: [SourceObject] = []
        var problems: [SourceError] = document.itemProblems.map { item in
            .invalid(file: file, line: item.problem.line, document: document.index,
                     message: "\(FieldPath.root.key("items").index(item.index)): \(item.problem.message)")
        }
        for (itemIndex, item) in items.enumerated() where !item.isNull {
            let itemPath = FieldPath.root.key("items").index(itemIndex)
            guard case .object = item else {
                problems.append(.invalid(file: file, line: lines.line(of: itemPath), document: document.index,
                                         message: "\(itemPath): expected an object (a mapping), found \(item.typeName)"))
                continue
            }
            objects.append(SourceObject(value: item, origin: SourceOrigin(file: file, document: document.index, basePath: itemPath, lines: lines)))
        }
        problems.sort { ($0.line ?? 0) < ($1.line ?? 0) }
        return (.success(objects), problems)
    }
}

extension SourceOrigin {
    /// An origin for an object that did not come from a file (an API request, a test), with
    /// no line information; `file` names where it came from.
    public static func unlocated(_ file: String) -> SourceOrigin {
        SourceOrigin(file: file, document: 1, basePath: .root, lines: nil)
    }
}
