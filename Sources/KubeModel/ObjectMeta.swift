/// `metav1.ObjectMeta`: the metadata every Kubernetes object carries.
public struct ObjectMeta: Codable, Sendable, Hashable {
    public var name: String?
    public var generateName: String?
    public var namespace: String?
    public var uid: String?
    public var resourceVersion: String?
    public var generation: Int?
    public var creationTimestamp: String?
    public var deletionTimestamp: String?
    public var deletionGracePeriodSeconds: Int?
    public var labels: [String: String]?
    public var annotations: [String: String]?
    public var ownerReferences: [OwnerReference]?
    public var finalizers: [String]?
    public var managedFields: [JSONValue]?

    public init(name: String? = nil, namespace: String? = nil, labels: [String: String]? = nil,
                annotations: [String: String]? = nil, ownerReferences: [OwnerReference]? = nil,
                resourceVersion: String? = nil) {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
        self.ownerReferences = ownerReferences
        self.resourceVersion = resourceVersion
    }

    /// The keys ObjectMeta accepts, for strict validation of hand-written metadata.
    public static let fieldNames: Set<String> = [
        "name", "generateName", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences",
        "finalizers", "managedFields", "selfLink",
    ]
}

/// `metav1.OwnerReference`: ties a child to the object that owns it, for garbage collection.
public struct OwnerReference: Codable, Sendable, Hashable {
    public var apiVersion: String
    public var kind: String
    public var name: String
    public var uid: String
    public var controller: Bool?
    public var blockOwnerDeletion: Bool?

    public init(apiVersion: String, kind: String, name: String, uid: String, controller: Bool? = nil,
                blockOwnerDeletion: Bool? = nil) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
        self.uid = uid
        self.controller = controller
        self.blockOwnerDeletion = blockOwnerDeletion
    }
}
