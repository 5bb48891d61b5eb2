import CEL
import KubeModel

/// The string shapes the API accepts. Each has the RE2 pattern the CRD carries and a Swift
/// check that accepts exactly the same strings (a test holds them to that), plus any extra
/// CEL rule for what RE2 cannot say.
public enum StringFormat: String, Sendable, CaseIterable {
    /// RFC 1123 label: Kubernetes object names such as ConfigMaps and Secrets' keys' owners.
    case dnsLabel
    /// RFC 1035 label: names that become Services (start with a letter).
    case dns1035Label
    /// RFC 1123 subdomain: ConfigMap, Secret and ServiceAccount names.
    case dnsSubdomain
    /// IANA service name: port names (≤ 15, a letter, no `--`).
    case portName
    /// An environment variable name.
    case envVarName
    /// A resource quantity such as `100m`, `128Mi`, `1.5`.
    case quantity
    /// A container image reference (no whitespace).
    case image
    /// An absolute path such as `/healthz` or `/var/run/tls`.
    case absolutePath
    /// An IPv4 or IPv6 CIDR such as `10.20.0.0/16`.
    case cidr
    /// An http(s) or grpc URL such as `http://otel-collector.observability:4317`.
    case url
    /// A checklist rule id (`image-pinned`).
    case ruleID
    /// A Linux capability name (`NET_BIND_SERVICE`).
    case capability
    /// An SLO compliance window: 7d to 90d.
    case sloWindow
    /// A Prometheus metric name (`http_server_request_duration_seconds`).
    case metricName
    /// A Prometheus label name (`http_response_status_code`).
    case labelName
    /// A scrape interval: whole seconds or minutes (`30s`, `1m`).
    case scrapeInterval

    /// The RE2 pattern for the CRD, or nil where a CEL rule does the work.
    public var pattern: String? {
        switch self {
        case .dnsLabel, .portName: return "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"
        case .dns1035Label: return "^[a-z]([-a-z0-9]*[a-z0-9])?$"
        case .dnsSubdomain: return "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"
        case .envVarName: return "^[-._a-zA-Z][-._a-zA-Z0-9]*$"
        case .quantity:
            return "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$"
        case .image: return "^[^\\s]+$"
        case .absolutePath: return "^/[^\\s]*$"
        case .cidr: return nil
        case .url: return "^(https?|grpc)://[^\\s/]+(/[^\\s]*)?$"
        case .ruleID: return "^[a-z0-9]+(-[a-z0-9]+)*$"
        case .capability: return "^[A-Z][A-Z_]*$"
        case .sloWindow: return "^([7-9]|[1-8][0-9]|90)d$"
        case .metricName: return "^[a-zA-Z_:][a-zA-Z0-9_:]*$"
        case .labelName: return "^[a-zA-Z_][a-zA-Z0-9_]*$"
        case .scrapeInterval: return "^[1-9][0-9]{0,3}(s|m)$"
        }
    }

    public var maxLength: Int? {
        switch self {
        case .dnsLabel, .dns1035Label: return 63
        case .dnsSubdomain: return 253
        case .portName: return 15
        case .image: return 4096
        case .absolutePath, .url: return 2048
        case .ruleID, .capability: return 63
        case .cidr: return 64
        case .sloWindow: return 3
        case .scrapeInterval: return 5
        case .metricName, .labelName: return 200
        case .envVarName, .quantity: return nil
        }
    }

    /// CEL rules for what the pattern cannot express.
    public var rules: [CrossFieldRule] {
        switch self {
        case .portName: return Self.portNameRules
        case .cidr: return Self.cidrRules
        default: return []
        }
    }

    private static let portNameRules = [CrossFieldRule(
        cel: "self.matches('[a-z]') && !self.contains('--')",
        message: "must contain a letter and no '--' (an IANA service name)")]
    private static let cidrRules = [CrossFieldRule(cel: "isCIDR(self)", message: "must be a CIDR such as 10.0.0.0/16")]

    /// A short description of the shape for error messages.
    public var summary: String {
        switch self {
        case .dnsLabel: return "a DNS label (lowercase letters, digits and '-', at most 63)"
        case .dns1035Label: return "a DNS-1035 label (starts with a letter; lowercase letters, digits and '-', at most 63)"
        case .dnsSubdomain: return "a DNS subdomain (lowercase letters, digits, '-' and '.', at most 253)"
        case .portName: return "a port name (lowercase letters, digits and '-', at most 15, with a letter)"
        case .envVarName: return "an environment variable name"
        case .quantity: return "a quantity such as 100m, 128Mi or 2"
        case .image: return "an image reference without spaces"
        case .absolutePath: return "an absolute path starting with /"
        case .cidr: return "a CIDR such as 10.0.0.0/16"
        case .url: return "a URL such as http://host:4317"
        case .ruleID: return "a rule id such as image-pinned"
        case .capability: return "a capability name such as NET_BIND_SERVICE"
        case .sloWindow: return "a window of 7 to 90 days such as 30d"
        case .metricName: return "a Prometheus metric name such as http_server_request_duration_seconds"
        case .labelName: return "a Prometheus label name such as http_response_status_code"
        case .scrapeInterval: return "an interval in seconds or minutes such as 30s or 1m"
        }
    }

    /// Whether `text` has this shape (pattern, length and extra rules together).
    public func accepts(_ text: String) -> Bool {
        if let maxLength, text.count > maxLength { return false }
        if !rules.allSatisfy({ $0.holds(.string(text)) }) { return false }
        let chars = Array(text.unicodeScalars)
        switch self {
        case .dnsLabel, .portName: return Self.isLabel(chars, mustStartWithLetter: false)
        case .dns1035Label: return Self.isLabel(chars, mustStartWithLetter: true)
        case .dnsSubdomain:
            return !text.isEmpty && text.split(separator: ".", omittingEmptySubsequences: false)
                .allSatisfy { Self.isLabel(Array($0.unicodeScalars), mustStartWithLetter: false) }
        case .envVarName:
            guard let first = chars.first, !("0"..."9").contains(first) else { return false }
            return chars.allSatisfy { Self.isAlnum($0) || $0 == "-" || $0 == "." || $0 == "_" }
        case .quantity: return Quantity.parse(text) != nil
        case .image: return !chars.isEmpty && !chars.contains(where: Self.isSpace)
        case .absolutePath: return chars.first == "/" && !chars.contains(where: Self.isSpace)
        case .cidr: return Self.isCIDR(text)
        case .url:
            guard let range = text.firstRange(of: "://") else { return false }
            let scheme = text[..<range.lowerBound]
            let rest = text[range.upperBound...]
            guard ["http", "https", "grpc"].contains(scheme), !rest.isEmpty, !rest.hasPrefix("/") else { return false }
            return !rest.unicodeScalars.contains(where: Self.isSpace)
        case .ruleID:
            return !text.isEmpty && text.split(separator: "-", omittingEmptySubsequences: false)
                .allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy { Self.isLowerAlnum($0) } }
        case .capability:
            guard let first = chars.first, ("A"..."Z").contains(first) else { return false }
            return chars.allSatisfy { ("A"..."Z").contains($0) || $0 == "_" }
        case .sloWindow:
            guard text.hasSuffix("d"), let days = Int(text.dropLast()), text.first != "0", text.first != "+" else { return false }
            return (7...90).contains(days)
        case .scrapeInterval:
            guard let unit = text.last, unit == "s" || unit == "m", let first = chars.first, ("1"..."9").contains(first) else { return false }
            let digits = text.dropLast()
            return digits.count <= 4 && digits.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
        case .metricName, .labelName:
            let extra: Set<Unicode.Scalar> = self == .metricName ? ["_", ":"] : ["_"]
            guard let first = chars.first, !("0"..."9").contains(first) else { return false }
            return chars.allSatisfy { Self.isAlnum($0) || extra.contains($0) }
        }
    }

    static func isLabel(_ chars: [Unicode.Scalar], mustStartWithLetter: Bool) -> Bool {
        guard let first = chars.first, let last = chars.last else { return false }
        if mustStartWithLetter ? !("a"..."z").contains(first) : !isLowerAlnum(first) { return false }
        return isLowerAlnum(last) && chars.allSatisfy { isLowerAlnum($0) || $0 == "-" }
    }

    static func isLowerAlnum(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("0"..."9").contains(c) }
    static func isAlnum(_ c: Unicode.Scalar) -> Bool { isLowerAlnum(c) || ("A"..."Z").contains(c) }
    static func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }

    /// An IPv4 or IPv6 CIDR, as the CEL library's `isCIDR` (Go's `netip.ParsePrefix`) accepts it.
    public static func isCIDR(_ text: String) -> Bool { CIDR(text) != nil }
}
