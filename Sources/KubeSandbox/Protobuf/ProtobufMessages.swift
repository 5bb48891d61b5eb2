/// The fields of the Kubernetes protobuf messages the sandbox decodes (numbers as in the API's
/// `generated.proto`): the kinds kubectl's typed client sends as protobuf (`kubectl create
/// configmap|namespace|secret|serviceaccount|deployment|service|role|rolebinding|clusterrole|
/// clusterrolebinding`, `kubectl auth can-i`, `kubectl auth whoami`, `kubectl create token`), and
/// the messages they contain.
enum ProtobufMessages {
    indirect enum FieldType: Sendable {
        case string, bytes, integer, bool, time, intOrString, quantity
        /// A message holding JSON text as its bytes (field 1), as `FieldsV1` does.
        case rawJSON
        case message(String)
        case map(FieldType)
    }

    struct Field: Sendable {
        let name: String
        let type: FieldType
        var repeated = false
        /// A pointer in Go: sent only when set, so a zero value is kept (JSON omits the others).
        var keepZero = false
    }

    /// Top-level kinds, by `apiVersion/kind`, and the message each is.
    static let kinds: [String: String] = [
        "v1/ConfigMap": "ConfigMap", "v1/Namespace": "Namespace", "v1/Secret": "Secret",
        "v1/ServiceAccount": "ServiceAccount", "apps/v1/Deployment": "Deployment", "v1/Service": "Service",
        "rbac.authorization.k8s.io/v1/Role": "Role", "rbac.authorization.k8s.io/v1/ClusterRole": "Role",
        "rbac.authorization.k8s.io/v1/RoleBinding": "RoleBinding",
        "rbac.authorization.k8s.io/v1/ClusterRoleBinding": "RoleBinding",
        "authorization.k8s.io/v1/SelfSubjectAccessReview": "SelfSubjectAccessReview",
        "authentication.k8s.io/v1/SelfSubjectReview": "SelfSubjectReview",
        "authentication.k8s.io/v1/TokenRequest": "TokenRequest",
    ]

    private static func field(_ name: String, _ type: FieldType, repeated: Bool = false, keepZero: Bool = false) -> Field {
        Field(name: name, type: type, repeated: repeated, keepZero: keepZero)
    }

    static let messages: [String: [Int: Field]] = [
        "ObjectMeta": [
            1: field("name", .string), 2: field("generateName", .string), 3: field("namespace", .string),
            4: field("selfLink", .string), 5: field("uid", .string), 6: field("resourceVersion", .string),
            7: field("generation", .integer), 8: field("creationTimestamp", .time), 9: field("deletionTimestamp", .time),
            10: field("deletionGracePeriodSeconds", .integer, keepZero: true), 11: field("labels", .map(.string)),
            12: field("annotations", .map(.string)), 13: field("ownerReferences", .message("OwnerReference"), repeated: true),
            14: field("finalizers", .string, repeated: true),
            17: field("managedFields", .message("ManagedFieldsEntry"), repeated: true),
        ],
        "ManagedFieldsEntry": [
            1: field("manager", .string), 2: field("operation", .string), 3: field("apiVersion", .string),
            4: field("time", .time), 6: field("fieldsType", .string), 7: field("fieldsV1", .rawJSON),
            8: field("subresource", .string),
        ],
        "OwnerReference": [
            1: field("kind", .string), 3: field("name", .string), 4: field("uid", .string), 5: field("apiVersion", .string),
            6: field("controller", .bool, keepZero: true), 7: field("blockOwnerDeletion", .bool, keepZero: true),
        ],
        "ConfigMap": [
            1: field("metadata", .message("ObjectMeta")), 2: field("data", .map(.string)),
            3: field("binaryData", .map(.bytes)), 4: field("immutable", .bool, keepZero: true),
        ],
        "Namespace": [1: field("metadata", .message("ObjectMeta")), 2: field("spec", .message("NamespaceSpec")),
                      3: field("status", .message("NamespaceStatus"))],
        "NamespaceSpec": [1: field("finalizers", .string, repeated: true)],
        "NamespaceStatus": [1: field("phase", .string)],
        "Secret": [
            1: field("metadata", .message("ObjectMeta")), 2: field("data", .map(.bytes)), 3: field("type", .string),
            4: field("stringData", .map(.string)), 5: field("immutable", .bool, keepZero: true),
        ],
        "ServiceAccount": [
            1: field("metadata", .message("ObjectMeta")), 2: field("secrets", .message("ObjectReference"), repeated: true),
            3: field("imagePullSecrets", .message("LocalObjectReference"), repeated: true),
            4: field("automountServiceAccountToken", .bool, keepZero: true),
        ],
        "ObjectReference": [
            1: field("kind", .string), 2: field("namespace", .string), 3: field("name", .string), 4: field("uid", .string),
            5: field("apiVersion", .string), 6: field("resourceVersion", .string), 7: field("fieldPath", .string),
        ],
        "LocalObjectReference": [1: field("name", .string)],
        "Deployment": [1: field("metadata", .message("ObjectMeta")), 2: field("spec", .message("DeploymentSpec")),
                       3: field("status", .message("DeploymentStatus"))],
        "DeploymentSpec": [
            1: field("replicas", .integer, keepZero: true), 2: field("selector", .message("LabelSelector")),
            3: field("template", .message("PodTemplateSpec")), 4: field("strategy", .message("DeploymentStrategy")),
            5: field("minReadySeconds", .integer), 6: field("revisionHistoryLimit", .integer, keepZero: true),
            7: field("paused", .bool), 9: field("progressDeadlineSeconds", .integer, keepZero: true),
        ],
        "DeploymentStatus": [:],
        "DeploymentStrategy": [1: field("type", .string), 2: field("rollingUpdate", .message("RollingUpdateDeployment"))],
        "RollingUpdateDeployment": [1: field("maxUnavailable", .intOrString), 2: field("maxSurge", .intOrString)],
        "LabelSelector": [1: field("matchLabels", .map(.string)),
                          2: field("matchExpressions", .message("LabelSelectorRequirement"), repeated: true)],
        "LabelSelectorRequirement": [1: field("key", .string), 2: field("operator", .string), 3: field("values", .string, repeated: true)],
        "PodTemplateSpec": [1: field("metadata", .message("ObjectMeta")), 2: field("spec", .message("PodSpec"))],
        "PodSpec": [
            2: field("containers", .message("Container"), repeated: true), 3: field("restartPolicy", .string),
            4: field("terminationGracePeriodSeconds", .integer, keepZero: true), 6: field("dnsPolicy", .string),
            7: field("nodeSelector", .map(.string)), 8: field("serviceAccountName", .string), 10: field("nodeName", .string),
            20: field("initContainers", .message("Container"), repeated: true),
        ],
        "Container": [
            1: field("name", .string), 2: field("image", .string), 3: field("command", .string, repeated: true),
            4: field("args", .string, repeated: true), 5: field("workingDir", .string),
            6: field("ports", .message("ContainerPort"), repeated: true), 7: field("env", .message("EnvVar"), repeated: true),
            8: field("resources", .message("ResourceRequirements")), 13: field("terminationMessagePath", .string),
            14: field("imagePullPolicy", .string), 20: field("terminationMessagePolicy", .string),
        ],
        "ContainerPort": [1: field("name", .string), 2: field("hostPort", .integer), 3: field("containerPort", .integer),
                          4: field("protocol", .string), 5: field("hostIP", .string)],
        "EnvVar": [1: field("name", .string), 2: field("value", .string)],
        "ResourceRequirements": [1: field("limits", .map(.quantity)), 2: field("requests", .map(.quantity))],
        "Service": [1: field("metadata", .message("ObjectMeta")), 2: field("spec", .message("ServiceSpec")),
                    3: field("status", .message("ServiceStatus"))],
        "ServiceSpec": [
            1: field("ports", .message("ServicePort"), repeated: true), 2: field("selector", .map(.string)),
            3: field("clusterIP", .string), 4: field("type", .string), 10: field("externalName", .string),
        ],
        "ServicePort": [1: field("name", .string), 2: field("protocol", .string), 3: field("port", .integer),
                        4: field("targetPort", .intOrString), 5: field("nodePort", .integer), 6: field("appProtocol", .string)],
        "ServiceStatus": [:],
        // Role and ClusterRole (no aggregation rule); RoleBinding and ClusterRoleBinding.
        "Role": [1: field("metadata", .message("ObjectMeta")), 2: field("rules", .message("PolicyRule"), repeated: true)],
        "PolicyRule": [
            1: field("verbs", .string, repeated: true), 2: field("apiGroups", .string, repeated: true),
            3: field("resources", .string, repeated: true), 4: field("resourceNames", .string, repeated: true),
            5: field("nonResourceURLs", .string, repeated: true),
        ],
        "RoleBinding": [1: field("metadata", .message("ObjectMeta")), 2: field("subjects", .message("Subject"), repeated: true),
                        3: field("roleRef", .message("RoleRef"))],
        "Subject": [1: field("kind", .string), 2: field("apiGroup", .string), 3: field("name", .string), 4: field("namespace", .string)],
        "RoleRef": [1: field("apiGroup", .string), 2: field("kind", .string), 3: field("name", .string)],
        // What `kubectl auth can-i` asks (the status it sends empty is the server's to fill).
        "SelfSubjectAccessReview": [1: field("metadata", .message("ObjectMeta")), 2: field("spec", .message("SelfSubjectAccessReviewSpec")),
                                    3: field("status", .message("SubjectAccessReviewStatus"))],
        "SubjectAccessReviewStatus": [1: field("allowed", .bool), 2: field("reason", .string), 3: field("evaluationError", .string),
                                      4: field("denied", .bool)],
        "SelfSubjectAccessReviewSpec": [1: field("resourceAttributes", .message("ResourceAttributes")),
                                        2: field("nonResourceAttributes", .message("NonResourceAttributes"))],
        "ResourceAttributes": [
            1: field("namespace", .string), 2: field("verb", .string), 3: field("group", .string), 4: field("version", .string),
            5: field("resource", .string), 6: field("subresource", .string), 7: field("name", .string),
        ],
        "NonResourceAttributes": [1: field("path", .string), 2: field("verb", .string)],
        // `kubectl auth whoami` sends an empty review.
        "SelfSubjectReview": [1: field("metadata", .message("ObjectMeta")), 2: field("status", .message("SelfSubjectReviewStatus"))],
        "SelfSubjectReviewStatus": [1: field("userInfo", .message("UserInfo"))],
        "UserInfo": [1: field("username", .string), 2: field("uid", .string), 3: field("groups", .string, repeated: true)],
        // `kubectl create token`.
        "TokenRequest": [1: field("metadata", .message("ObjectMeta")), 2: field("spec", .message("TokenRequestSpec")),
                         3: field("status", .message("TokenRequestStatus"))],
        "TokenRequestStatus": [1: field("token", .string), 2: field("expirationTimestamp", .time)],
        "TokenRequestSpec": [1: field("audiences", .string, repeated: true), 3: field("boundObjectRef", .message("BoundObjectReference")),
                             4: field("expirationSeconds", .integer, keepZero: true)],
        "BoundObjectReference": [1: field("kind", .string), 2: field("apiVersion", .string), 3: field("name", .string), 4: field("uid", .string)],
    ]
}
