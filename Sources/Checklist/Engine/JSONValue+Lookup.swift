import KubeModel

extension JSONValue {
    /// An object of scalars as a string map (labels, annotations, selectors); other members dropped.
    var stringMap: [String: String] {
        var map: [String: String] = [:]
        for (key, value) in objectValue ?? JSONObject() {
            if let text = value.scalarText { map[key] = text }
        }
        return map
    }

    /// The elements of an array, or none when this is not one.
    var elements: [JSONValue] { arrayValue ?? [] }

    /// True only for the boolean `true` (or the string "true", which some generators emit).
    var isTrue: Bool { boolValue == true || stringValue == "true" }
    /// True only for the boolean `false` (or the string "false").
    var isFalse: Bool { boolValue == false || stringValue == "false" }
}

extension Optional where Wrapped == JSONValue {
    var isTrue: Bool { self?.isTrue ?? false }
    var isFalse: Bool { self?.isFalse ?? false }
}
