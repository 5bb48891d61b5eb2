import KubeModel
import KubeSchema

/// Field errors worded as apimachinery's `field.Error` prints them (`Invalid value: "x": detail`).
enum CRDFieldError {
    static func invalid(_ path: FieldPath, _ value: JSONValue, _ detail: String) -> SchemaViolation {
        SchemaViolation(.invalid, at: path, "Invalid value: \(value.jsonText()): \(detail)")
    }

    static func required(_ path: FieldPath, _ detail: String = "") -> SchemaViolation {
        SchemaViolation(.required, at: path, detail.isEmpty ? "Required value" : "Required value: \(detail)")
    }

    static func forbidden(_ path: FieldPath, _ detail: String) -> SchemaViolation {
        SchemaViolation(.forbidden, at: path, "Forbidden: \(detail)")
    }

    static func notSupported(_ path: FieldPath, _ value: JSONValue, _ supported: [String]) -> SchemaViolation {
        let listed = supported.map { "\"\($0)\"" }.joined(separator: ", ")
        return SchemaViolation(.notSupported, at: path, "Unsupported value: \(value.jsonText()): supported values: \(listed)")
    }
}

extension FieldPath {
    /// The path extended by a map key, printed `[key]` as Go's `field.Path.Key` prints it
    /// (`properties[spec]`).
    func mapKey(_ key: String) -> FieldPath { FieldPath(components + [.index(0, name: key)]) }
}
