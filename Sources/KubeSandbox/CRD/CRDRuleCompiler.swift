import KubeModel
import KubeSchema

/// HOOK for the CEL compiler: the violations of one `x-kubernetes-validations` entry (`rule` and
/// `messageExpression` compile errors, a non-bool result, a cost over budget), reported at
/// `path.rule` / `path.messageExpression` as FieldValueInvalid or FieldValueForbidden like the real
/// server. `schema` is the node the rule is declared on. Called only for structural schemas.
/// Returns none until the CEL compiler is connected here.
enum CRDRuleCompiler {
    static func violations(rule: JSONValue, schema: JSONValue, at path: FieldPath) -> [SchemaViolation] {
        []
    }
}
