import KubeModel
import KubeSchema

extension CRDValidation {
    static let columnTypes = ["boolean", "date", "integer", "number", "string"]
    static let columnFormats = ["byte", "date", "date-time", "double", "float", "int32", "int64", "password"]

    static func columnViolations(_ columns: JSONValue?, at path: FieldPath) -> [SchemaViolation] {
        var errors: [SchemaViolation] = []
        for (index, column) in (columns?.arrayValue ?? []).enumerated() {
            let at = path.index(index)
            if (column["name"]?.stringValue ?? "").isEmpty { errors.append(CRDFieldError.required(at.key("name"))) }
            let type = column["type"]?.stringValue ?? ""
            if !columnTypes.contains(type) {
                errors.append(CRDFieldError.invalid(at.key("type"), .string(type), "must be one of \(columnTypes.joined(separator: ","))"))
            }
            if let format = column["format"]?.stringValue, !format.isEmpty, !columnFormats.contains(format) {
                errors.append(CRDFieldError.invalid(at.key("format"), .string(format), "must be one of \(columnFormats.joined(separator: ","))"))
            }
            let jsonPath = column["jsonPath"]?.stringValue ?? ""
            if jsonPath.isEmpty {
                errors.append(CRDFieldError.required(at.key("jsonPath")))
            } else if let problem = simpleJSONPathProblem(jsonPath) {
                errors.append(CRDFieldError.invalid(at.key("jsonPath"), .string(jsonPath), problem))
            }
        }
        return errors
    }

    /// The server only checks that such a path starts with a dot (it accepts `.spec.[broken`).
    static func simpleJSONPathProblem(_ path: String) -> String? {
        path.hasPrefix(".") ? nil : "must be a simple json path starting with ."
    }
}
