/// Recognises secret material given literally, by the variable's name or by the value's shape.
/// Findings say "looks like a secret"; values are never echoed.
enum SecretDetector {
    /// Name words that mark a secret: `DB_PASSWORD`, `STRIPE_API_KEY`, `githubToken`.
    private static let secretWords: Set<String> = [
        "PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "SECRETS", "TOKEN", "APIKEY", "CREDENTIAL", "CREDENTIALS",
    ]
    /// Word pairs that mark a secret: `API_KEY`, `PRIVATE_KEY`, `AWS_SECRET_ACCESS_KEY`.
    private static let secretPairs: Set<String> = [
        "API KEY", "PRIVATE KEY", "ACCESS KEY", "SECRET KEY", "SIGNING KEY", "ENCRYPTION KEY", "MASTER KEY", "AUTH KEY",
        "CLIENT SECRET",
    ]
    /// Last words that make the variable about a secret rather than the secret itself
    /// (`PASSWORD_FILE`, `TOKEN_URL`, `SECRET_NAME`).
    private static let referenceWords: Set<String> = [
        "FILE", "PATH", "DIR", "NAME", "REF", "URL", "URI", "ENDPOINT", "HOST", "PORT", "TTL", "EXPIRY", "TIMEOUT",
        "LENGTH", "SIZE", "ENABLED", "TYPE", "HEADER", "ISSUER", "AUDIENCE", "ID", "MOUNT",
    ]
    /// Prefixes of well-known token formats (GitHub, Slack, Stripe, Google).
    private static let tokenPrefixes = ["ghp_", "gho_", "ghs_", "github_pat_", "xoxb-", "xoxp-", "sk_live_", "rk_live_", "AIza"]

    /// Whether a variable name says it holds a secret.
    static func nameLooksSecret(_ name: String) -> Bool {
        let words = self.words(name)
        guard let last = words.last, !referenceWords.contains(last) else { return false }
        if words.contains(where: secretWords.contains) { return true }
        return zip(words, words.dropFirst()).contains { secretPairs.contains("\($0) \($1)") }
    }

    /// Whether a value is shaped like a secret: a PEM block, an AWS access key id, a JWT,
    /// a URL with a password, or a well-known token format.
    static func valueLooksSecret(_ value: String) -> Bool {
        if value.contains("-----BEGIN ") { return true }
        if tokenPrefixes.contains(where: value.hasPrefix) && value.count >= 20 { return true }
        return containsAWSKeyID(value) || looksLikeJWT(value) || hasURLPassword(value)
    }

    /// Upper-cased words of a name, split at `_`, `-`, `.` and camelCase humps.
    private static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousLower = false
        for character in name {
            if character == "_" || character == "-" || character == "." {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                if character.isUppercase && previousLower && !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                current += character.uppercased()
            }
            previousLower = character.isLowercase
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `AKIA` or `ASIA` followed by 16 upper-case letters or digits.
    private static func containsAWSKeyID(_ value: String) -> Bool {
        let characters = Array(value.utf8)
        guard characters.count >= 20 else { return false }
        for start in 0...(characters.count - 20) {
            let prefix = String(decoding: characters[start..<start + 4], as: UTF8.self)
            guard prefix == "AKIA" || prefix == "ASIA" else { continue }
            if characters[start + 4..<start + 20].allSatisfy({ (65...90).contains($0) || (48...57).contains($0) }) { return true }
        }
        return false
    }

    /// Three base64url segments, the first a JSON header (`eyJ`).
    private static func looksLikeJWT(_ value: String) -> Bool {
        let segments = value.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3, value.hasPrefix("eyJ"), value.count >= 30 else { return false }
        return segments.allSatisfy { segment in
            !segment.isEmpty && segment.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "=") }
        }
    }

    /// `scheme://user:password@host...` with a non-empty password.
    private static func hasURLPassword(_ value: String) -> Bool {
        guard let scheme = value.firstRange(of: "://") else { return false }
        let authority = value[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@") else { return false }
        let userInfo = authority[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return false }
        return userInfo.index(after: colon) < userInfo.endIndex
    }
}
