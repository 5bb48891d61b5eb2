import KubeModel

/// The OpenAPI v3 document the API server publishes for one group version of custom resources
/// (`/openapi/v3/apis/<group>/<version>`): each kind's schema with `metadata` referring to
/// ObjectMeta, its List kind, and the REST paths with their query parameters (kubectl reads the
/// PATCH operation's `fieldValidation` parameter to decide on server-side field validation).
struct CustomResourceDocument {
    let group: String
    let version: String
    let types: [ServedResource]
    /// The `io.k8s.apimachinery...` components the kinds refer to (ObjectMeta, ListMeta, Status,
    /// DeleteOptions, Patch and what they refer to); empty when no built-in documents are loaded.
    let metaComponents: JSONObject

    static let objectMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
    static let listMeta = "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta"
    static let status = "io.k8s.apimachinery.pkg.apis.meta.v1.Status"
    static let deleteOptions = "io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions"
    static let patch = "io.k8s.apimachinery.pkg.apis.meta.v1.Patch"
    /// The components a custom resource document refers to directly.
    static let metaRoots = [objectMeta, listMeta, status, deleteOptions, patch]

    var json: JSONValue {
        var schemas = metaComponents
        var paths = JSONObject()
        for type in types {
            schemas[schemaName(type.kind)] = kindSchema(type)
            schemas[schemaName(type.kind + "List")] = listSchema(type)
            for (path, item) in pathItems(type) { paths[path] = item }
        }
        return [
            "openapi": "3.0.0",
            "info": ["title": "Kubernetes CRD Swagger", "version": "v0.1.0"],
            "paths": .object(paths),
            "components": ["schemas": .object(schemas)],
        ]
    }

    /// `dev.shipshape.v1alpha1.Microservice`: the group reversed, the version, the kind.
    func schemaName(_ kind: String) -> String {
        (group.split(separator: ".").reversed().map(String.init) + [version, kind]).joined(separator: ".")
    }

    private var gvkExtension: (String) -> JSONValue {
        { kind in [["group": .string(group), "kind": .string(kind), "version": .string(version)]] }
    }

    private func reference(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/" + name)] }

    private func metaReference(_ name: String, description: String) -> JSONValue {
        guard metaComponents[name] != nil else { return ["type": "object", "description": .string(description)] }
        return ["allOf": [reference(name)], "description": .string(description)]
    }

    private func kindSchema(_ type: ServedResource) -> JSONValue {
        var schema = type.schema?.objectValue ?? ["type": "object"]
        var properties = schema["properties"]?.objectValue ?? JSONObject()
        properties["apiVersion"] = ["type": "string", "description": .string(Self.apiVersionDescription)]
        properties["kind"] = ["type": "string", "description": .string(Self.kindDescription)]
        properties["metadata"] = metaReference(Self.objectMeta, description: Self.metadataDescription)
        schema["properties"] = .object(properties)
        schema["type"] = "object"
        schema["x-kubernetes-group-version-kind"] = gvkExtension(type.kind)
        return .object(schema)
    }

    private func listSchema(_ type: ServedResource) -> JSONValue {
        [
            "description": .string("\(type.kind)List is a list of \(type.kind)"),
            "required": ["items"],
            "type": "object",
            "properties": [
                "apiVersion": ["type": "string", "description": .string(Self.apiVersionDescription)],
                "items": [
                    "type": "array",
                    "description": .string("List of \(type.plural). More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md"),
                    "items": reference(schemaName(type.kind)),
                ],
                "kind": ["type": "string", "description": .string(Self.kindDescription)],
                "metadata": metaReference(Self.listMeta, description: "Standard list metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"),
            ],
            "x-kubernetes-group-version-kind": gvkExtension(type.kind + "List"),
        ]
    }
}

extension CustomResourceDocument {
    static let apiVersionDescription = "APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources"
    static let kindDescription = "Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds"
    static let metadataDescription = "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"
}
