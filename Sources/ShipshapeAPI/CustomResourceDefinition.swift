import KubeModel

/// Generates the Microservice CustomResourceDefinition from the same schema that validates
/// Microservices locally.
public enum CustomResourceDefinition {
    /// Why the CRD could not be generated: the Swift types and their schema have drifted.
    public struct DriftError: Error, CustomStringConvertible {
        public let problems: [String]
        public var description: String { "schema drift:\n" + problems.joined(separator: "\n") }
    }

    /// The CRD `microservices.shipshape.dev` as an object.
    public static func microservices() throws(DriftError) -> JSONValue {
        let problems = Microservice.schemaProblems
        guard problems.isEmpty else { throw DriftError(problems: problems) }
        let root: JSONValue = [
            "type": "object",
            "description": "A Microservice declares one service; Shipshape renders and keeps true its Deployment, Service, HorizontalPodAutoscaler, NetworkPolicy, PodDisruptionBudget and ServiceAccount, and checks it against the production checklist.",
            "required": ["spec"],
            "properties": [
                "apiVersion": ["type": "string", "description": "APIVersion defines the versioned schema of this representation of an object."],
                "kind": ["type": "string", "description": "Kind is a string value representing the REST resource this object represents."],
                "metadata": ["type": "object"],
                "spec": Microservice.specSchema.openAPI,
                "status": Microservice.statusSchema.openAPI,
            ],
            "x-kubernetes-validations": [Microservice.nameRule.openAPI],
        ]
        let column = { (name: String, type: String, path: String, description: String) -> JSONValue in
            ["name": .string(name), "type": .string(type), "jsonPath": .string(path), "description": .string(description)]
        }
        return [
            "apiVersion": "apiextensions.k8s.io/v1",
            "kind": "CustomResourceDefinition",
            "metadata": [
                "name": .string("\(Microservice.plural).\(Microservice.group)"),
                "labels": ["app.kubernetes.io/name": "shipshape", "app.kubernetes.io/part-of": "shipshape"],
            ],
            "spec": [
                "group": .string(Microservice.group),
                "names": [
                    "kind": .string(Microservice.kind), "listKind": .string(Microservice.kind + "List"),
                    "plural": .string(Microservice.plural), "singular": "microservice",
                    "shortNames": ["msvc"], "categories": ["all"],
                ],
                "scope": "Namespaced",
                "versions": [[
                    "name": .string(Microservice.version), "served": true, "storage": true,
                    "subresources": ["status": [:]],
                    "additionalPrinterColumns": [
                        column("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status", "Whether the service is available."),
                        column("Replicas", "integer", ".status.readyReplicas", "Ready replicas."),
                        column("Checklist", "string", ".status.checklist.summary", "Production checklist result."),
                        column("Age", "date", ".metadata.creationTimestamp", "Time since creation."),
                    ],
                    "schema": ["openAPIV3Schema": root],
                ]],
            ],
        ]
    }
}

extension CrossFieldRule {
    var openAPI: JSONValue {
        var rule: JSONObject = ["rule": .string(cel), "message": .string(message)]
        if let fieldPath { rule["fieldPath"] = .string(fieldPath) }
        return .object(rule)
    }
}

extension Schema {
    /// This schema as a structural OpenAPI v3 schema for a CRD.
    public var openAPI: JSONValue {
        var out = JSONObject()
        switch kind {
        case .intOrString: out["x-kubernetes-int-or-string"] = true
        case .freeform:
            out["type"] = "object"
            out["x-kubernetes-preserve-unknown-fields"] = true
        default: out["type"] = .string(kind.rawValue)
        }
        out["description"] = .string(description)
        if !enumValues.isEmpty { out["enum"] = .array(enumValues.map(JSONValue.string)) }
        if let pattern = format?.pattern { out["pattern"] = .string(pattern) }
        if let minLength { out["minLength"] = .integer(minLength) }
        if let maxLength { out["maxLength"] = .integer(maxLength) }
        if let minimum { out["minimum"] = kind == .integer ? .integer(Int(minimum)) : .number(minimum) }
        if let maximum { out["maximum"] = kind == .integer ? .integer(Int(maximum)) : .number(maximum) }
        if let minItems { out["minItems"] = .integer(minItems) }
        if let maxItems { out["maxItems"] = .integer(maxItems) }
        if let defaultValue { out["default"] = defaultValue }
        if let items { out["items"] = items.openAPI }
        if !listMapKeys.isEmpty {
            out["x-kubernetes-list-type"] = "map"
            out["x-kubernetes-list-map-keys"] = .array(listMapKeys.map(JSONValue.string))
        } else if isSet {
            out["x-kubernetes-list-type"] = "set"
        }
        if let values { out["additionalProperties"] = values.openAPI }
        if !properties.isEmpty {
            out["properties"] = .object(JSONObject(properties.map { ($0.name, $0.schema.openAPI) }))
        }
        if !required.isEmpty { out["required"] = .array(required.map(JSONValue.string)) }
        let allRules = rules + (format?.rules ?? [])
        if !allRules.isEmpty { out["x-kubernetes-validations"] = .array(allRules.map(\.openAPI)) }
        return .object(out)
    }
}
