import ShipshapeAPI

/// The hash of the versions of the Secrets and ConfigMaps a Microservice references, stamped on
/// its pod template so that a rotation rolls the pods.
enum ConfigHash {
    /// `Secret/namespace/name` and `ConfigMap/namespace/name` for everything the pods read, sorted
    /// and unique. Image pull secrets are left out: rotating them needs no restart.
    static func references(of spec: MicroserviceSpec, namespace: String) -> [String] {
        let secrets = (spec.secrets ?? []).compactMap(\.secretName).map { "Secret/\(namespace)/\($0)" }
        let configMaps = (spec.configFrom ?? []).map { "ConfigMap/\(namespace)/\($0.configMap)" }
        return Array(Set(secrets + configMaps)).sorted()
    }

    /// The hash over each reference and its version (empty when unknown), or nil when no
    /// version is known at all (a local dry run), so no annotation is written.
    static func value(for references: [String], versions: [String: String]) -> String? {
        guard references.contains(where: { versions[$0] != nil }) else { return nil }
        return fnv1a64(references.map { "\($0)=\(versions[$0] ?? "")\n" }.joined())
    }

    /// FNV-1a, 64 bits, as 16 lowercase hex digits.
    static func fnv1a64(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
