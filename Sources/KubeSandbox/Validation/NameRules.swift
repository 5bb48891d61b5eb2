/// The API server's name and key formats; each check returns what is wrong (empty when valid),
/// worded as `k8s.io/apimachinery/pkg/util/validation` words it.
enum NameRules {
    static let dns1123LabelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
    static let dns1123SubdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    static let dns1035LabelMessage = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
    static let qualifiedNameMessage = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    static let labelValueMessage = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
    static let configKeyMessage = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"

    private static func isLowerAlnum(_ c: Character) -> Bool { c.isASCII && (c.isLowercase || c.isNumber) }
    private static func isAlnum(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }

    static func tooLong(_ limit: Int) -> String { "must be no more than \(limit) characters" }

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 63 characters.
    static func dns1123Label(_ value: String) -> [String] {
        var errors: [String] = []
        if value.count > 63 { errors.append(tooLong(63)) }
        if !isDNS1123Label(value) { errors.append(dns1123LabelMessage) }
        return errors
    }

    static func isDNS1123Label(_ value: String) -> Bool {
        guard let first = value.first, let last = value.last else { return false }
        return isLowerAlnum(first) && isLowerAlnum(last) && value.allSatisfy { isLowerAlnum($0) || $0 == "-" }
    }

    /// Dot-separated DNS-1123 labels, at most 253 characters.
    static func dns1123Subdomain(_ value: String) -> [String] {
        var errors: [String] = []
        if value.count > 253 { errors.append(tooLong(253)) }
        let labels = value.split(separator: ".", omittingEmptySubsequences: false)
        if !labels.allSatisfy({ isDNS1123Label(String($0)) }) { errors.append(dns1123SubdomainMessage) }
        return errors
    }

    /// `[a-z]([-a-z0-9]*[a-z0-9])?`, at most 63 characters.
    static func dns1035Label(_ value: String) -> [String] {
        var errors: [String] = []
        if value.count > 63 { errors.append(tooLong(63)) }
        if !(isDNS1123Label(value) && value.first?.isLetter == true) { errors.append(dns1035LabelMessage) }
        return errors
    }

    /// A name that is one URL path segment (RBAC objects): anything but `.`, `..`, `/` and `%`.
    static func pathSegment(_ value: String) -> [String] {
        if value == "." || value == ".." { return ["may not be '\(value)'"] }
        return ["/", "%"].filter { value.contains($0) }.map { "may not contain '\($0)'" }
    }

    /// A label or annotation key: an optional DNS subdomain prefix and `/`, then a name of at
    /// most 63 alphanumerics, `-`, `_` or `.`.
    static func qualifiedName(_ value: String) -> [String] {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let name: String
        var errors: [String] = []
        switch parts.count {
        case 1: name = parts[0]
        case 2:
            name = parts[1]
            if parts[0].isEmpty {
                errors.append("prefix part must be non-empty")
            } else {
                errors += dns1123Subdomain(parts[0]).map { "prefix part " + $0 }
            }
        default:
            return ["a valid label key " + qualifiedNameMessage + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
        }
        if name.isEmpty {
            errors.append("name part must be non-empty")
        } else if name.count > 63 {
            errors.append("name part " + tooLong(63))
        }
        if !name.isEmpty && !isQualifiedNamePart(name) { errors.append("name part " + qualifiedNameMessage) }
        return errors
    }

    private static func isQualifiedNamePart(_ value: String) -> Bool {
        guard let first = value.first, let last = value.last else { return false }
        return isAlnum(first) && isAlnum(last) && value.allSatisfy { isAlnum($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    /// A label value: empty, or at most 63 alphanumerics, `-`, `_` or `.` starting and ending alphanumeric.
    static func labelValue(_ value: String) -> [String] {
        var errors: [String] = []
        if value.count > 63 { errors.append(tooLong(63)) }
        if !value.isEmpty && !isQualifiedNamePart(value) { errors.append(labelValueMessage) }
        return errors
    }

    /// A ConfigMap or Secret key: `[-._a-zA-Z0-9]+`, at most 253 characters, not `.` or `..`.
    static func configKey(_ value: String) -> [String] {
        var errors: [String] = []
        if value.count > 253 { errors.append(tooLong(253)) }
        if value.isEmpty || !value.allSatisfy({ isAlnum($0) || $0 == "-" || $0 == "_" || $0 == "." }) {
            errors.append(configKeyMessage)
        }
        if value == "." { errors.append("must not be '.'") }
        if value == ".." { errors.append("must not be '..'") }
        if value.hasPrefix("..") && value != ".." { errors.append("must not start with '..'") }
        return errors
    }

    /// An environment variable name: printable ASCII other than `=`.
    static func envVarName(_ value: String) -> [String] {
        let printable = value.unicodeScalars.allSatisfy { $0.value >= 32 && $0.value <= 126 && $0 != "=" }
        return printable ? [] : ["a valid environment variable name must consist only of printable ASCII characters other than '='"]
    }

    /// An IANA service name (a named port): at most 15 lowercase alphanumerics or `-`, at least
    /// one letter, no leading, trailing or doubled `-`.
    static func portName(_ value: String) -> [String] {
        var errors: [String] = []
        if value.count > 15 { errors.append(tooLong(15)) }
        if !value.allSatisfy({ isLowerAlnum($0) || $0 == "-" }) {
            errors.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
        }
        if value.contains("--") { errors.append("must not contain consecutive hyphens") }
        if !value.contains(where: { $0.isASCII && $0.isLetter }) { errors.append("must contain at least one letter (a-z)") }
        if value.hasPrefix("-") || value.hasSuffix("-") { errors.append("must not begin or end with a hyphen") }
        return errors
    }
}
