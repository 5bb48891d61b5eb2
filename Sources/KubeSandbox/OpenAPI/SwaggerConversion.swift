import KubeModel

/// Turns OpenAPI v3 component schemas into Swagger 2.0 definitions, as the API server's
/// `/openapi/v2` shows them: references point into `#/definitions/`, and a single-reference
/// `allOf` (v3's way to give a reference a description or default) becomes the reference.
enum SwaggerConversion {
    static func schema(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(var object):
            if let allOf = object["allOf"]?.arrayValue, allOf.count == 1, let target = allOf[0]["$ref"] {
                object["allOf"] = nil
                object["default"] = nil
                object["$ref"] = target
            }
            var result = JSONObject()
            for (key, member) in object {
                if key == "$ref", let target = member.stringValue {
                    result[key] = .string(target.replacingOccurrences(of: "#/components/schemas/", with: "#/definitions/"))
                } else {
                    result[key] = schema(member)
                }
            }
            return .object(result)
        case .array(let items): return .array(items.map(schema))
        default: return value
        }
    }
}
