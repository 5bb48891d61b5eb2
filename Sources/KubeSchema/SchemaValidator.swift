import Foundation
import KubeModel

/// Validates and prunes JSON values against the JSON-schema dialect Kubernetes uses: the OpenAPI v3
/// component schemas of built-in kinds and the `openAPIV3Schema` of CRDs.
///
/// Understood: `type`, `properties`, `required`, `additionalProperties`, `items`, `enum`, `nullable`,
/// `format` (int32, int64, byte, int-or-string), `minimum`/`maximum`, `minLength`/`maxLength`,
/// `minItems`/`maxItems`, `default`, `$ref` to `#/components/schemas/...`, `allOf`, `oneOf`/`anyOf`
/// (by type only), `x-kubernetes-int-or-string` and `x-kubernetes-preserve-unknown-fields`.
/// Not understood (accepted as is): `pattern`, `not`, CEL rules (`x-kubernetes-validations`).
///
/// It has no dependency on the server, so tests of rendered objects can use it on its own.
public struct SchemaValidator: Sendable {
    public struct Options: Sendable {
        /// Fill absent properties that declare a `default` (CRD structural defaulting).
        public var applyDefaults: Bool
        /// An object schema with neither `properties` nor `additionalProperties` accepts any
        /// members (built-in OpenAPI: RawExtension, FieldsV1). When false such an object is pruned
        /// empty unless it preserves unknown fields (CRD structural schemas).
        public var untypedObjectsAreFreeForm: Bool

        public init(applyDefaults: Bool = false, untypedObjectsAreFreeForm: Bool = true) {
            self.applyDefaults = applyDefaults
            self.untypedObjectsAreFreeForm = untypedObjectsAreFreeForm
        }

        /// Built-in kinds: the published OpenAPI documents.
        public static let openAPI = Options()
        /// CRDs: structural schemas with defaulting and pruning.
        public static let structural = Options(applyDefaults: true, untypedObjectsAreFreeForm: false)
    }

    /// Schemas that `$ref`s name, keyed by the last component of the reference
    /// (`io.k8s.api.apps.v1.Deployment` for `#/components/schemas/io.k8s.api.apps.v1.Deployment`).
    public let components: [String: JSONValue]
    public let options: Options

    public init(components: [String: JSONValue] = [:], options: Options = .openAPI) {
        self.components = components
        self.options = options
    }

    /// Validates `value` against `schema`; unknown fields are pruned from the returned value and
    /// listed, never counted as violations (the caller decides, as `fieldValidation` does).
    public func validate(_ value: JSONValue, against schema: JSONValue) -> SchemaResult {
        var walk = Walk(validator: self)
        let pruned = walk.visit(value, schema: schema, at: .root) ?? .null
        return SchemaResult(value: pruned, violations: walk.violations, unknownFields: walk.unknownFields)
    }

    /// The schema with `$ref` and `allOf` resolved into one flat schema object.
    public func resolved(_ schema: JSONValue) -> JSONObject {
        resolved(schema, depth: 0)
    }

    private func resolved(_ schema: JSONValue, depth: Int) -> JSONObject {
        guard var object = schema.objectValue, depth < 64 else { return JSONObject() }
        if let ref = object["$ref"]?.stringValue {
            object["$ref"] = nil
            let name = String(ref.split(separator: "/").last ?? "")
            if let target = components[name] { object = merged(resolved(target, depth: depth + 1), with: object) }
        }
        if let parts = object["allOf"]?.arrayValue {
            object["allOf"] = nil
            for part in parts { object = merged(resolved(part, depth: depth + 1), with: object) }
        }
        return object
    }

    /// `base` with `overlay`'s keys on top; `properties` and `required` are unioned.
    private func merged(_ base: JSONObject, with overlay: JSONObject) -> JSONObject {
        var result = base
        for (key, value) in overlay {
            switch key {
            case "properties":
                var properties = result["properties"]?.objectValue ?? JSONObject()
                for (name, property) in value.objectValue ?? JSONObject() { properties[name] = property }
                result["properties"] = .object(properties)
            case "required":
                let existing = result["required"]?.arrayValue ?? []
                result["required"] = .array(existing + (value.arrayValue ?? []).filter { !existing.contains($0) })
            default:
                result[key] = value
            }
        }
        return result
    }
}
