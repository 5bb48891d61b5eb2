import KubeModel

extension ClusterStore {
    /// The built-in resources plus every stored CRD's served versions, the CRDs taken in the
    /// order they were created (discovery lists groups in the order first served).
    static func catalog(serving crds: [String: StoredObject]) -> Catalog {
        var catalog = Catalog()
        let ordered = crds.values.sorted {
            ($0.metadata["creationTimestamp"]?.stringValue ?? "", $0.name) < ($1.metadata["creationTimestamp"]?.stringValue ?? "", $1.name)
        }
        for crd in ordered { catalog.install(crd.value) }
        return catalog
    }
}
