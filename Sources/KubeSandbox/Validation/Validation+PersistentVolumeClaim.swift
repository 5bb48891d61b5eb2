import KubeModel

/// PersistentVolumeClaims: access modes and a storage request.
extension Validation {
    static let accessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"]

    static func persistentVolumeClaim(_ object: JSONValue) -> FieldErrors {
        var errors = FieldErrors()
        let path = FieldPath().key("spec")
        let spec = object["spec"]
        let modes = spec?["accessModes"]?.arrayValue ?? []
        if modes.isEmpty { errors.required(path.key("accessModes"), "at least 1 access mode is required") }
        for mode in modes where !accessModes.contains(mode.stringValue ?? "") {
            errors.notSupported(path.key("accessModes"), mode, accessModes)
        }
        let storagePath = path.key("resources").entry("storage")
        if let text = quantityText(spec?["resources"]?["requests"]?["storage"]) {
            if let value = Quantity.parse(text), value <= 0 { errors.invalid(storagePath, .string(text), "must be greater than zero") }
        } else {
            errors.required(storagePath)
        }
        return errors
    }
}
