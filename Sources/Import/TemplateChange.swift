import KubeModel

/// One field of a pod template that differs between the original Deployment and the one
/// Shipshape renders from the imported Microservice.
public struct TemplateChange: Sendable, Hashable, CustomStringConvertible {
    /// A pod-template path, lists keyed by name (`spec.containers[web].env[PORT].value`).
    public let path: String
    /// The original value; nil when the original set nothing (a Shipshape default is added).
    public let before: JSONValue?
    /// The rendered value; nil when rendering drops the field.
    public let after: JSONValue?

    /// `+` added, `-` removed, `~` changed.
    public var marker: String { before == nil ? "+" : after == nil ? "-" : "~" }

    /// `+ path: value`, `- path: value` or `~ path: old -> new`, values in one-line JSON.
    public var description: String {
        switch (before, after) {
        case (nil, let after?): return "+ \(path): \(after.jsonText())"
        case (let before?, nil): return "- \(path): \(before.jsonText())"
        case (let before?, let after?): return "~ \(path): \(before.jsonText()) -> \(after.jsonText())"
        case (nil, nil): return "  \(path)"
        }
    }

    /// The changes between two views, sorted by path.
    static func between(_ original: PodTemplateView, _ rendered: PodTemplateView) -> [TemplateChange] {
        let paths = Set(original.fields.keys).union(rendered.fields.keys).sorted()
        return paths.compactMap { path in
            let before = original.fields[path], after = rendered.fields[path]
            return before == after ? nil : TemplateChange(path: path, before: before, after: after)
        }
    }
}
