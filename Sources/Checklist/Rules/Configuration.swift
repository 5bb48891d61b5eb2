import KubeModel
import ShipshapeAPI

extension RuleDefinition {
    /// More literal variables than this in one container is configuration that belongs in a ConfigMap.
    static let maxLiteralVariables = 20
    /// A literal value longer than this (or spanning lines) is a file that belongs in a ConfigMap.
    static let maxLiteralLength = 256

    static let noInlineSecrets = RuleDefinition(
        rule: Rule(
            id: "no-inline-secrets", category: .config, defaultSeverity: .error,
            title: "No secret given as a literal environment value",
            remediation: "Keep the value in a Secret and reference it (env[].valueFrom.secretKeyRef, envFrom.secretRef; in a Microservice, spec.secrets); rotate the exposed value.",
            pss: nil,
            failingExample: "env:\n  - { name: DB_PASSWORD, value: hunter2 }",
            passingExample: "env:\n  - name: DB_PASSWORD\n    valueFrom: { secretKeyRef: { name: orders-db, key: password } }"),
        workload: { subject in
            .from(literalVariables(of: subject.workload).filter { looksSecret(name: $0.name, value: $0.value) }.map {
                Violation($0.path, "looks like a secret given literally; use valueFrom.secretKeyRef")
            })
        },
        microservice: { subject in
            .from(subject.spec.literalVariables.filter { looksSecret(name: $0.name, value: $0.value) }.map {
                Violation($0.path, "looks like a secret; use spec.secrets")
            })
        })

    static let configByReference = RuleDefinition(
        rule: Rule(
            id: "config-by-reference", category: .config, defaultSeverity: .warning,
            title: "Large configuration comes from a ConfigMap, not literal values (over \(maxLiteralVariables) variables or \(maxLiteralLength) characters)",
            remediation: "Move the values into a ConfigMap and use envFrom.configMapRef or mount it as files (in a Microservice, spec.configFrom).",
            pss: nil,
            failingExample: "env:\n  - name: NGINX_CONF\n    value: |\n      server { listen 8080; ... }",
            passingExample: "envFrom:\n  - configMapRef: { name: orders-config }"),
        workload: { subject in
            let variables = literalVariables(of: subject.workload)
            let crowded = Dictionary(grouping: variables, by: \.listPath).filter { $0.value.count > maxLiteralVariables }
            return .from(crowded.keys.sorted { $0.description < $1.description }.map {
                Violation($0, "has \(crowded[$0]?.count ?? 0) literal values; more than \(maxLiteralVariables) belong in a ConfigMap")
            } + variables.compactMap { oversized($0) })
        },
        microservice: { subject in
            let variables = subject.spec.literalVariables
            let crowded = variables.count > maxLiteralVariables
                ? [Violation(MicroserviceSubject.spec.key("env"), "has \(variables.count) values; more than \(maxLiteralVariables) belong in a ConfigMap (spec.configFrom)")]
                : []
            return .from(crowded + variables.compactMap { oversized($0) })
        })

    private static func looksSecret(name: String, value: String) -> Bool {
        Checklist.literalLooksSecret(name: name, value: value)
    }

    private static func oversized(_ variable: LiteralVariable) -> Violation? {
        if variable.value.contains("\n") { return Violation(variable.path, "is a multi-line literal; a file belongs in a ConfigMap") }
        guard variable.value.count > maxLiteralLength else { return nil }
        return Violation(variable.path, "is a \(variable.value.count)-character literal; more than \(maxLiteralLength) belongs in a ConfigMap")
    }

    /// Every `env[].value` given literally, in every container.
    private static func literalVariables(of workload: Workload) -> [LiteralVariable] {
        workload.containers().flatMap { container in
            let listPath = container.path.key("env")
            return (container.value["env"]?.elements ?? []).enumerated().compactMap { index, variable -> LiteralVariable? in
                guard let value = variable["value"]?.scalarText else { return nil }
                let name = variable["name"]?.stringValue ?? ""
                return LiteralVariable(name: name, value: value, listPath: listPath,
                                       path: listPath.index(index, name: name).key("value"))
            }
        }
    }
}

/// An environment variable with a literal value, and where it is written.
struct LiteralVariable {
    let name: String
    let value: String
    let listPath: FieldPath
    let path: FieldPath
}

extension MicroserviceSpec {
    var literalVariables: [LiteralVariable] {
        let listPath = MicroserviceSubject.spec.key("env")
        return (env ?? []).enumerated().map { index, variable in
            LiteralVariable(name: variable.name, value: variable.value, listPath: listPath,
                            path: listPath.index(index, name: variable.name).key("value"))
        }
    }
}
