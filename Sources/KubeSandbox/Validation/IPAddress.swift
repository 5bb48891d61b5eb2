import Foundation

/// IPv4 and IPv6 address and CIDR syntax, as `net.ParseIP` and `net.ParseCIDR` accept it.
enum IPAddress {
    static func isValid(_ text: String) -> Bool { isIPv4(text) || isIPv6(text) }

    /// `address/prefix` with a prefix length that fits the address family.
    static func isValidCIDR(_ text: String) -> Bool {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let bits = Int(parts[1]), parts[1].allSatisfy(\.isNumber), bits >= 0 else { return false }
        let address = String(parts[0])
        if isIPv4(address) { return bits <= 32 }
        return isIPv6(address) && bits <= 128
    }

    static func isIPv4(_ text: String) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { octet in
            !octet.isEmpty && octet.count <= 3 && octet.allSatisfy { $0.isASCII && $0.isNumber } && (Int(octet) ?? 256) <= 255
        }
    }

    static func isIPv6(_ text: String) -> Bool {
        guard text.contains(":") else { return false }
        var body = Substring(text)
        if let lastColon = body.lastIndex(of: ":"), body[body.index(after: lastColon)...].contains(".") {
            guard isIPv4(String(body[body.index(after: lastColon)...])) else { return false }
            body = Substring(String(body[...lastColon]) + "0:0")
        }
        let halves = body.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        let groups = halves.map { $0.isEmpty ? [] : $0.split(separator: ":", omittingEmptySubsequences: false) }
        let valid = groups.allSatisfy { $0.allSatisfy { !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isHexDigit) } }
        let count = groups.reduce(0) { $0 + $1.count }
        return valid && (halves.count == 2 ? count < 8 : count == 8)
    }
}
