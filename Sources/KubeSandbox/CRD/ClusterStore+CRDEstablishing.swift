import KubeModel

/// The API server's own CRD controllers (naming and establishing): a new CRD is stored with no
/// accepted names or conditions, then they accept its names and mark it Established through its
/// status, as `kube-apiserver`. The sandbox does that at once after the create (and serves the
/// kind from the create on); the create's answer is the object as first stored, as on a real server.
extension ClusterStore {
    static let apiServerWrite = WriteOptions(fieldManager: "kube-apiserver", fieldValidation: .ignore)

    /// The status a CRD is created with: its stored version only.
    static func unestablishedStatus(_ crd: JSONValue) -> JSONValue {
        let stored = (crd["spec"]?["versions"]?.arrayValue ?? []).filter { $0["storage"]?.boolValue == true }.compactMap { $0["name"] }
        return ["conditions": .null, "acceptedNames": ["plural": "", "kind": ""], "storedVersions": .array(stored)]
    }

    /// Accepts a stored CRD's names and marks it Established.
    func establish(_ crd: JSONValue, _ type: ServedResource) {
        guard let name = crd["metadata"]?["name"]?.stringValue,
              let stored = objects[type.storageKey]?[Self.key(namespace: "", name: name)] else { return }
        let now = JSONValue.string(Self.timestamp())
        var value = stored.value
        var status = value["status"] ?? .object([:])
        status["acceptedNames"] = value["spec"]?["names"] ?? .object([:])
        status["conditions"] = [
            ["type": "NamesAccepted", "status": "True", "reason": "NoConflicts", "message": "no conflicts found", "lastTransitionTime": now],
            ["type": "Established", "status": "True", "reason": "InitialNamesAccepted", "message": "the initial names have been accepted", "lastTransitionTime": now],
        ]
        value["status"] = status
        _ = try? replace(stored, with: value, type, status: true, options: Self.apiServerWrite)
    }
}
