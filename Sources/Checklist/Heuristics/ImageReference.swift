/// The parts of a container image reference that decide whether it is pinned.
struct ImageReference: Sendable, Hashable {
    let tag: String?
    let digest: String?

    /// `registry:5000/team/app:1.2@sha256:...`: the tag is after the last `:` of the last path
    /// component (a registry port is not a tag), the digest after `@`.
    init(_ text: String) {
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        digest = parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil
        let lastComponent = parts[0].split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        let nameAndTag = lastComponent.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        tag = nameAndTag.count > 1 ? String(nameAndTag[1]) : nil
    }

    /// Why the image is not pinned, completing "<path> ..."; nil when it is.
    static func pinningProblem(_ text: String?) -> String? {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return "is not set" }
        let reference = ImageReference(text)
        if reference.digest != nil { return nil }
        switch reference.tag {
        case nil, "": return "is not pinned: no tag means \"latest\""
        case "latest": return "is not pinned: tag \"latest\""
        default: return nil
        }
    }
}
