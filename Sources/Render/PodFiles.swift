import KubeModel
import ShipshapeAPI

/// The pod's volumes and the container's mounts of them: a size-limited writable /tmp, then
/// ConfigMaps and Secrets mounted read-only as files, in declaration order.
struct PodFiles {
    private(set) var volumes: [Volume] = []
    private(set) var mounts: [VolumeMount] = []

    init(_ spec: MicroserviceSpec) {
        add(Volume(name: RenderPolicy.scratchVolume, emptyDir: EmptyDirVolumeSource(sizeLimit: Quantity(RenderPolicy.scratchSizeLimit))),
            at: RenderPolicy.scratchPath, readOnly: nil)
        for source in spec.configFrom ?? [] {
            guard let path = source.mountPath else { continue }
            add(Volume(name: volumeName("config", source.configMap),
                       configMap: ConfigMapVolumeSource(name: source.configMap, optional: source.optional)),
                at: path, readOnly: true)
        }
        for reference in spec.secrets ?? [] {
            guard case .mount(let path, let secret) = reference.form else { continue }
            add(Volume(name: volumeName("secret", secret), secret: SecretVolumeSource(
                secretName: secret, defaultMode: RenderPolicy.secretFileMode, optional: reference.optional)),
                at: path, readOnly: true)
        }
    }

    private mutating func add(_ volume: Volume, at path: String, readOnly: Bool?) {
        volumes.append(volume)
        mounts.append(VolumeMount(name: volume.name, readOnly: readOnly, mountPath: path))
    }

    /// `kind-object` as a DNS label unique in the pod: dots become dashes, a long name is cut
    /// and suffixed with a hash of the whole, a repeat gets `-2`, `-3`, ...
    private func volumeName(_ kind: String, _ object: String) -> String {
        var base = kind + "-" + object.replacingDots()
        if base.count > 63 { base = String(base.prefix(46)) + "-" + ConfigHash.fnv1a64(object) }
        var candidate = base, counter = 2
        while volumes.contains(where: { $0.name == candidate }) {
            let suffix = "-\(counter)"
            candidate = String(base.prefix(63 - suffix.count)) + suffix
            counter += 1
        }
        return candidate
    }
}

private extension String {
    func replacingDots() -> String { String(map { $0 == "." ? "-" : $0 }) }
}
