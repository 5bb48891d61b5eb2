import Foundation
import KubeModel

/// Reads typed fields of one kubeconfig object, and names the file, line and field when one
/// is wrong: `~/.kube/config:12: users[0].user.client-key-data: not valid base64`.
struct ConfigFieldReader {
    let object: JSONObject
    let path: FieldPath
    let file: KubeconfigFile.Origin

    func string(_ key: String) throws(KubeError) -> String? {
        switch object[key] {
        case .none, .null?: return nil
        case .string(let value)?: return value
        case .integer(let value)?: return String(value)
        case let other?: throw error(key, "expected a string, found \(other.typeName)")
        }
    }

    func bool(_ key: String) throws(KubeError) -> Bool {
        switch object[key] {
        case .none, .null?: return false
        case .bool(let value)?: return value
        case let other?: throw error(key, "expected true or false, found \(other.typeName)")
        }
    }

    /// A base64 field (`*-data`). Line breaks are ignored, as Go's decoder does.
    func base64(_ key: String) throws(KubeError) -> [UInt8]? {
        guard let text = try string(key), !text.isEmpty else { return nil }
        let compact = text.filter { !$0.isNewline && $0 != " " }
        guard let data = Data(base64Encoded: compact) else { throw error(key, "not valid base64") }
        return [UInt8](data)
    }

    func object(_ key: String) throws(KubeError) -> ConfigFieldReader? {
        switch object[key] {
        case .none, .null?: return nil
        case .object(let child)?: return ConfigFieldReader(object: child, path: path.key(key), file: file)
        case let other?: throw error(key, "expected a mapping, found \(other.typeName)")
        }
    }

    func objects(_ key: String) throws(KubeError) -> [ConfigFieldReader] {
        switch object[key] {
        case .none, .null?: return []
        case .array(let elements)?:
            var readers: [ConfigFieldReader] = []
            for (index, element) in elements.enumerated() {
                guard case .object(let child) = element else {
                    throw KubeError.configuration(source: file.location(path.key(key).index(index)),
                        field: path.key(key).index(index).description, message: "expected a mapping, found \(element.typeName)")
                }
                readers.append(ConfigFieldReader(object: child, path: path.key(key).index(index), file: file))
            }
            return readers
        case let other?: throw error(key, "expected a list, found \(other.typeName)")
        }
    }

    func strings(_ key: String) throws(KubeError) -> [String] {
        switch object[key] {
        case .none, .null?: return []
        case .array(let elements)?:
            return try elements.enumerated().map { (index, element) throws(KubeError) -> String in
                guard let text = element.stringValue else {
                    throw KubeError.configuration(source: file.location(path.key(key).index(index)),
                        field: path.key(key).index(index).description, message: "expected a string, found \(element.typeName)")
                }
                return text
            }
        case let other?: throw error(key, "expected a list, found \(other.typeName)")
        }
    }

    /// An error about field `key` of this object (or the object itself when `key` is nil).
    func error(_ key: String?, _ message: String) -> KubeError {
        let fieldPath = key.map { path.key($0) } ?? path
        return .configuration(source: file.location(fieldPath), field: fieldPath.description, message: message)
    }
}
