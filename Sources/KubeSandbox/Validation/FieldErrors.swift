import KubeModel
import KubeSchema

/// The field errors found while validating one object, each worded as the API server's
/// `field.Error` prints it (`Invalid value: "x": detail`, `Required value`, ...).
struct FieldErrors: Sendable {
    private(set) var list: [SchemaViolation] = []

    var isEmpty: Bool { list.isEmpty }

    /// `Invalid value: <value>: <detail>`.
    mutating func invalid(_ path: FieldPath, _ value: JSONValue, _ detail: String) {
        list.append(SchemaViolation(.invalid, at: path, "Invalid value: \(Self.render(value)): \(detail)"))
    }

    /// `Required value` (with `: <detail>` when given).
    mutating func required(_ path: FieldPath, _ detail: String = "") {
        list.append(SchemaViolation(.required, at: path, detail.isEmpty ? "Required value" : "Required value: \(detail)"))
    }

    /// `Unsupported value: <value>: supported values: "a", "b"`.
    mutating func notSupported(_ path: FieldPath, _ value: JSONValue, _ supported: [String]) {
        let listed = supported.map { "\"\($0)\"" }.joined(separator: ", ")
        list.append(SchemaViolation(.notSupported, at: path, "Unsupported value: \(Self.render(value)): supported values: \(listed)"))
    }

    /// `Duplicate value: <value>`.
    mutating func duplicate(_ path: FieldPath, _ value: JSONValue) {
        list.append(SchemaViolation(.duplicate, at: path, "Duplicate value: \(Self.render(value))"))
    }

    /// `Forbidden: <detail>`.
    mutating func forbidden(_ path: FieldPath, _ detail: String) {
        list.append(SchemaViolation(.forbidden, at: path, "Forbidden: \(detail)"))
    }

    /// `Too long: <detail>` (`may not be more than 128 bytes`).
    mutating func tooLong(_ path: FieldPath, _ detail: String) {
        list.append(SchemaViolation(.tooLong, at: path, "Too long: \(detail)"))
    }

    /// One `invalid` error per detail a name rule returned.
    mutating func invalid(_ path: FieldPath, _ value: String, details: [String]) {
        for detail in details { invalid(path, .string(value), detail) }
    }

    mutating func append(_ other: FieldErrors) { list += other.list }

    /// A value as the API server prints it in a message: strings quoted, numbers bare, the
    /// rest as compact JSON.
    static func render(_ value: JSONValue) -> String {
        value.jsonText()
    }
}

extension FieldPath {
    /// `data[key]`: a map entry, printed with its key in brackets as the API server does.
    func entry(_ key: String) -> FieldPath { index(0, name: key) }
}
