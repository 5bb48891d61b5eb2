import ShipshapeAPI

/// The `app.kubernetes.io/*` recommended labels and the selectors built from them.
enum Labels {
    static let name = "app.kubernetes.io/name"
    static let instance = "app.kubernetes.io/instance"
    static let version = "app.kubernetes.io/version"
    static let managedBy = "app.kubernetes.io/managed-by"
    static let manager = "shipshape"
    /// The label the API server puts on every namespace, holding its name.
    static let namespaceName = "kubernetes.io/metadata.name"

    /// The pod selector of the Microservice named `name`: stable across every update (never the version).
    static func selector(of name: String) -> [String: String] {
        [Self.name: name, instance: name]
    }

    /// Labels for every object rendered for `microservice`: its own labels (so `part-of`,
    /// `component` and team labels propagate), then the selector labels and `managed-by`, which
    /// always win, and `version` from the image unless the Microservice sets one.
    static func recommended(for microservice: Microservice) -> [String: String] {
        var labels = microservice.metadata.labels ?? [:]
        labels.merge(selector(of: microservice.name)) { _, ours in ours }
        labels[managedBy] = manager
        if labels[version] == nil {
            labels[version] = version(ofImage: microservice.spec.image)
        }
        return labels
    }

    /// The image's tag as a label value; for a digest-only image, `sha256-` and the digest's
    /// first 12 hex digits; nil for neither (or nothing usable).
    static func version(ofImage image: String) -> String? {
        // Image references are ASCII: search their bytes, not their characters (much slower).
        let ascii = image.utf8.allSatisfy { $0 < 0x80 }
        func first(_ separator: UInt8, in text: Substring) -> Substring.Index? {
            ascii ? text.utf8.firstIndex(of: separator) : text.firstIndex(of: Character(Unicode.Scalar(separator)))
        }
        func last(_ separator: UInt8, in text: Substring) -> Substring.Index? {
            ascii ? text.utf8.lastIndex(of: separator) : text.lastIndex(of: Character(Unicode.Scalar(separator)))
        }
        var reference = Substring(image)
        var digest: Substring?
        if let at = first(UInt8(ascii: "@"), in: reference) {
            digest = reference[reference.index(after: at)...]
            reference = reference[..<at]
        }
        let nameStart = last(UInt8(ascii: "/"), in: reference).map(reference.index(after:)) ?? reference.startIndex
        if let colon = last(UInt8(ascii: ":"), in: reference[nameStart...]) {
            return labelValue(reference[reference.index(after: colon)...])
        }
        guard let digest, let colon = first(UInt8(ascii: ":"), in: digest) else { return nil }
        let hex = digest[digest.index(after: colon)...].prefix(12)
        return labelValue(digest[..<colon] + "-" + hex)
    }

    /// `text` made a valid label value: allowed characters only, at most 63, alphanumeric at both ends.
    private static func labelValue(_ text: Substring) -> String? {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiLabelValue(text.utf8) }
        let allowed = text.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }.prefix(63)
        let trimmed = allowed.drop { !$0.isLetter && !$0.isNumber }
        let end = trimmed.lastIndex { $0.isLetter || $0.isNumber }
        return end.map { String(trimmed[...$0]) }
    }

    /// `labelValue` over ASCII text (every image reference in practice), byte by byte.
    private static func asciiLabelValue(_ text: Substring.UTF8View) -> String? {
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        let allowed = text.lazy.filter { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
            .prefix(63)
        let trimmed = Array(allowed.drop { !isAlphanumeric($0) })
        guard let end = trimmed.lastIndex(where: isAlphanumeric) else { return nil }
        return String(decoding: trimmed[...end], as: UTF8.self)
    }
}
