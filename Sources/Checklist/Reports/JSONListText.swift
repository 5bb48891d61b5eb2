import KubeModel

/// A pretty-printed JSON array (indent 2) written element by element: the same text as
/// `JSONValue.jsonText(indent: 2, level:)` prints for the whole array, once its `[` is written.
enum JSONListText {
    /// The element at `position` of an array nested `level` deep, with the comma before it
    /// unless it is the first.
    static func element(_ value: JSONValue, position: Int, level: Int) -> String {
        (position == 0 ? "\n" : ",\n") + indentation(level + 1) + value.jsonText(indent: 2, level: level + 1)
    }

    /// The end of an array nested `level` deep that has `count` elements.
    static func end(count: Int, level: Int) -> String {
        count == 0 ? "]" : "\n" + indentation(level) + "]"
    }

    private static func indentation(_ level: Int) -> String { String(repeating: " ", count: 2 * level) }
}
