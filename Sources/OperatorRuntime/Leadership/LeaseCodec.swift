import KubeModel

/// Reads and writes the spec of a coordination.k8s.io/v1 Lease as a `LeaseRecord`.
enum LeaseCodec {
    static func record(of lease: JSONValue) -> LeaseRecord {
        let spec = lease["spec"]
        return LeaseRecord(
            holderIdentity: spec?["holderIdentity"]?.stringValue,
            leaseDurationSeconds: spec?["leaseDurationSeconds"]?.intValue ?? 0,
            acquireTime: spec?["acquireTime"]?.stringValue.flatMap(MicroTime.parse),
            renewTime: spec?["renewTime"]?.stringValue.flatMap(MicroTime.parse),
            leaseTransitions: spec?["leaseTransitions"]?.intValue ?? 0)
    }

    /// `lease` (or a new Lease `namespace/name` when nil) carrying `record`; its resourceVersion
    /// is kept so the write fails with 409 when someone else wrote first.
    static func lease(_ record: LeaseRecord, replacing lease: JSONValue?, namespace: String, name: String) -> JSONValue {
        var spec = JSONObject()
        spec["holderIdentity"] = record.holderIdentity.map(JSONValue.string)
        spec["leaseDurationSeconds"] = .integer(record.leaseDurationSeconds)
        spec["acquireTime"] = record.acquireTime.map { .string(MicroTime.format($0)) }
        spec["renewTime"] = record.renewTime.map { .string(MicroTime.format($0)) }
        spec["leaseTransitions"] = .integer(record.leaseTransitions)
        var object: JSONValue = lease ?? [
            "apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
            "metadata": ["name": .string(name), "namespace": .string(namespace)],
        ]
        object["metadata"]?["managedFields"] = nil
        object["spec"] = .object(spec)
        return object
    }
}
