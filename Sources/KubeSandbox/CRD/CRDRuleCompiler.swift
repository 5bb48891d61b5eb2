import CEL
import KubeModel
import KubeSchema

/// The compile-time checks of the `x-kubernetes-validations` rules in one version's
/// `openAPIV3Schema` (reported under `path`, e.g. `spec.validation.openAPIV3Schema`), by the CEL
/// module: compile errors of `rule` and `messageExpression`, a result of the wrong type, costs over
/// budget, as FieldValueInvalid or FieldValueForbidden like the real server. Called only for
/// structural schemas; `reason` and `fieldPath` are checked with the rest of the schema.
enum CRDRuleCompiler {
    static func violations(openAPIV3Schema schema: JSONValue, at path: FieldPath) -> [SchemaViolation] {
        CELSchemaCheck.issues(openAPIV3Schema: schema, at: path.description).map { issue in
            SchemaViolation(SchemaViolation.Kind(rawValue: issue.reason) ?? .invalid, at: FieldPath(parsing: issue.field), issue.message)
        }
    }
}
