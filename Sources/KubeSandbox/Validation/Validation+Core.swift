import Foundation
import KubeModel

/// ConfigMaps, Secrets and core Events.
extension Validation {
    static func configMap(_ object: JSONValue, old: JSONValue?) -> FieldErrors {
        var errors = FieldErrors()
        let data = object["data"]?.objectValue ?? JSONObject()
        let binary = object["binaryData"]?.objectValue ?? JSONObject()
        for key in data.keys.sorted() {
            errors.invalid(FieldPath().key("data").entry(key), key, details: NameRules.configKey(key))
            if binary[key] != nil {
                errors.invalid(FieldPath().key("data").entry(key), .string(key), "duplicate of key present in binaryData")
            }
        }
        for key in binary.keys.sorted() {
            errors.invalid(FieldPath().key("binaryData").entry(key), key, details: NameRules.configKey(key))
        }
        let size = data.reduce(0) { $0 + $1.key.utf8.count + ($1.value.stringValue ?? "").utf8.count }
            + binary.reduce(0) { $0 + $1.key.utf8.count + decodedSize($1.value) }
        // An empty field name (the real server reports "" here, where a nil path is "<nil>").
        if size > maxDataBytes { errors.tooLong(FieldPath().key(""), "may not be more than \(maxDataBytes) bytes") }
        if let old { errors.append(immutableData(object, old: old, fields: ["data", "binaryData"])) }
        return errors
    }

    /// The most a ConfigMap's or a Secret's contents may hold.
    static let maxDataBytes = 1024 * 1024

    /// The size of a base64 value once decoded.
    private static func decodedSize(_ value: JSONValue) -> Int {
        value.stringValue.flatMap { Data(base64Encoded: $0) }?.count ?? 0
    }

    /// The Secret types with rules of their own.
    private enum SecretType {
        static let serviceAccountToken = "kubernetes.io/service-account-token"
        static let dockercfg = "kubernetes.io/dockercfg"
        static let dockerConfigJSON = "kubernetes.io/dockerconfigjson"
        static let basicAuth = "kubernetes.io/basic-auth"
        static let sshAuth = "kubernetes.io/ssh-auth"
        static let tls = "kubernetes.io/tls"
    }

    static func secret(_ object: JSONValue, old: JSONValue?) -> FieldErrors {
        var errors = FieldErrors()
        let dataPath = FieldPath().key("data")
        var data = object["data"]?.objectValue ?? JSONObject()
        for (key, value) in object["stringData"]?.objectValue ?? JSONObject() { data[key] = value }
        for key in data.keys.sorted() {
            errors.invalid(dataPath.entry(key), key, details: NameRules.configKey(key))
        }
        let size = data.reduce(0) { total, entry in
            let bytes = object["stringData"]?[entry.key]?.stringValue.map { $0.utf8.count } ?? decodedSize(entry.value)
            return total + entry.key.utf8.count + bytes
        }
        if size > maxDataBytes { errors.tooLong(dataPath, "may not be more than \(maxDataBytes) bytes") }
        let type = object["type"]?.stringValue ?? "Opaque"
        switch type {
        case SecretType.serviceAccountToken:
            let annotation = "kubernetes.io/service-account.name"
            if (object["metadata"]?["annotations"]?[annotation]?.stringValue ?? "").isEmpty {
                errors.required(FieldPath().key("metadata").key("annotations").entry(annotation))
            }
        case SecretType.dockercfg, SecretType.dockerConfigJSON:
            let key = type == SecretType.dockercfg ? ".dockercfg" : ".dockerconfigjson"
            if let encoded = data[key] {
                let text = object["stringData"]?[key]?.stringValue
                    ?? encoded.stringValue.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
                do { _ = try JSONValue(parsingJSON: text) } catch {
                    errors.invalid(dataPath.entry(key), "<secret contents redacted>", error.description)
                }
            } else {
                errors.required(dataPath.entry(key))
            }
        case SecretType.basicAuth:
            if data["username"] == nil && data["password"] == nil {
                errors.required(dataPath.entry("username"))
                errors.required(dataPath.entry("password"))
            }
        case SecretType.sshAuth:
            if data["ssh-privatekey"] == nil { errors.required(dataPath.entry("ssh-privatekey")) }
        case SecretType.tls:
            for key in ["tls.crt", "tls.key"] where data[key] == nil { errors.required(dataPath.entry(key)) }
        default: break
        }
        if let old {
            let oldType = old["type"]?.stringValue ?? "Opaque"
            if type != oldType { errors.invalid(FieldPath().key("type"), .string(type), "field is immutable") }
            errors.append(immutableData(object, old: old, fields: ["data"]))
        }
        return errors
    }

    /// Once `immutable: true`, neither the flag nor the contents may change.
    static func immutableData(_ object: JSONValue, old: JSONValue, fields: [String]) -> FieldErrors {
        var errors = FieldErrors()
        guard old["immutable"]?.boolValue == true else { return errors }
        let detail = "field is immutable when `immutable` is set"
        if object["immutable"]?.boolValue != true { errors.forbidden(FieldPath().key("immutable"), detail) }
        for field in fields where (object[field]?.objectValue ?? JSONObject()) != (old[field]?.objectValue ?? JSONObject()) {
            errors.forbidden(FieldPath().key(field), detail)
        }
        return errors
    }

    /// A core v1 Event: the object it is about must be in the event's namespace.
    static func coreEvent(_ object: JSONValue) -> FieldErrors {
        var errors = FieldErrors()
        let namespace = object["metadata"]?["namespace"]?.stringValue ?? ""
        let involved = object["involvedObject"]?["namespace"]?.stringValue ?? ""
        if !involved.isEmpty && involved != namespace {
            errors.invalid(FieldPath(parsing: "involvedObject.namespace"), .string(involved), "does not match event.namespace")
        }
        return errors
    }
}
