import KubeModel
import KubeSchema

/// The name formats apimachinery validates (`IsDNS1035Label`, `IsDNS1123Subdomain`), with its messages.
enum CRDNames {
    static let dns1035Message = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
    static let dns1123SubdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

    /// What is wrong with `value` as a DNS-1035 label (`[a-z]([-a-z0-9]*[a-z0-9])?`, at most 63).
    static func dns1035LabelErrors(_ value: String) -> [String] {
        var errors: [String] = []
        if value.count > 63 { errors.append("must be no more than 63 characters") }
        let chars = Array(value)
        let valid = !chars.isEmpty && isLower(chars[0]) && isLowerOrDigit(chars[chars.count - 1])
            && chars.allSatisfy { isLowerOrDigit($0) || $0 == "-" }
        if !valid { errors.append(dns1035Message) }
        return errors
    }

    /// What is wrong with `value` as a DNS-1123 subdomain (dot-separated labels, at most 253).
    static func dns1123SubdomainErrors(_ value: String) -> [String] {
        var errors: [String] = []
        if value.count > 253 { errors.append("must be no more than 253 characters") }
        let labels = value.split(separator: ".", omittingEmptySubsequences: false)
        let valid = !value.isEmpty && labels.allSatisfy { label in
            guard let first = label.first, let last = label.last else { return false }
            return isLowerOrDigit(first) && isLowerOrDigit(last) && label.allSatisfy { isLowerOrDigit($0) || $0 == "-" }
        }
        if !valid { errors.append(dns1123SubdomainMessage) }
        return errors
    }

    /// `spec.names`: every name a DNS-1035 label, kind and listKind
    /// mixed-case ones, kind and listKind different.
    static func violations(_ names: JSONValue?, at path: FieldPath) -> [SchemaViolation] {
        var errors: [SchemaViolation] = []
        for key in ["plural", "singular"] {
            guard let value = names?[key]?.stringValue, !value.isEmpty else { continue }
            let problems = dns1035LabelErrors(value)
            if !problems.isEmpty { errors.append(CRDFieldError.invalid(path.key(key), .string(value), problems.joined(separator: ","))) }
        }
        for key in ["kind", "listKind"] {
            guard let value = names?[key]?.stringValue, !value.isEmpty else { continue }
            let problems = dns1035LabelErrors(value.lowercased())
            if !problems.isEmpty {
                errors.append(CRDFieldError.invalid(path.key(key), .string(value), "may have mixed case, but should otherwise match: " + problems.joined(separator: ",")))
            }
        }
        for (index, shortName) in (names?["shortNames"]?.arrayValue ?? []).enumerated() {
            let problems = dns1035LabelErrors(shortName.stringValue ?? "")
            if !problems.isEmpty { errors.append(CRDFieldError.invalid(path.key("shortNames").index(index), shortName, problems.joined(separator: ","))) }
        }
        if let kind = names?["kind"]?.stringValue, !kind.isEmpty, kind == names?["listKind"]?.stringValue {
            errors.append(CRDFieldError.invalid(path.key("listKind"), .string(kind), "kind and listKind may not be the same"))
        }
        for (index, category) in (names?["categories"]?.arrayValue ?? []).enumerated() {
            let problems = dns1035LabelErrors(category.stringValue ?? "")
            if !problems.isEmpty { errors.append(CRDFieldError.invalid(path.key("categories").index(index), category, problems.joined(separator: ","))) }
        }
        return errors
    }

    private static func isLower(_ c: Character) -> Bool { c.isASCII && c.isLowercase }
    private static func isLowerOrDigit(_ c: Character) -> Bool { c.isASCII && (c.isLowercase || c.isNumber) }
}
