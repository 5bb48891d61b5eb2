import KubeModel
import KubeSchema

/// HOOK for the CEL compiler. The violations of the `x-kubernetes-validations` rules in one
/// version's `openAPIV3Schema` (reported at `path`, e.g. `spec.validation.openAPIV3Schema`):
/// `rule` and `messageExpression` compile errors, a non-bool result, costs over budget, at
/// `...x-kubernetes-validations[i].rule` / `.messageExpression` as FieldValueInvalid or
/// FieldValueForbidden like the real server. Called only for structural schemas, once per
/// distinct schema. Returns none until the CEL compiler is connected here.
enum CRDRuleCompiler {
    static func violations(openAPIV3Schema schema: JSONValue, at path: FieldPath) -> [SchemaViolation] {
        []
    }
}
