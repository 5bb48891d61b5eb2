import KubeModel

extension ImportedService {
    /// This import with its document: a comment block (source, matched objects, TODOs, what
    /// was not expressed, what adoption changes) before the Microservice's YAML.
    func withDocument(_ yaml: String) -> ImportedService {
        var lines = ["# Imported by shipshape import from Deployment \(microservice.key) (\(source))"]
        if !related.isEmpty { lines.append("# With: \(related.joined(separator: ", "))") }
        if !todos.isEmpty {
            lines.append("# TODO before applying:")
            lines += todos.map { "#   - \($0)" }
        }
        if !notExpressed.isEmpty {
            lines.append("# Not expressed (review: not carried into the Microservice):")
            lines += notExpressed.map { "#   - \($0)" }
        }
        if !objectChanges.isEmpty || !templateChanges.isEmpty {
            lines.append("# Changes on adoption (objects; then the pod template: + Shipshape's defaults where the original set nothing,")
            lines.append("# ~ changed and - dropped as listed above; `shipshape import --diff` prints the pod template's):")
            lines += objectChanges.map { "#   * \($0)" }
            lines += templateChanges.map { "#   \($0.displayed)" }
        }
        return ImportedService(microservice: microservice, source: source, related: related, todos: todos, notExpressed: notExpressed,
                               templateChanges: templateChanges, objectChanges: objectChanges,
                               document: lines.joined(separator: "\n") + "\n" + yaml)
    }

    /// The pod template's changes, for `shipshape import --diff`: a header naming the
    /// Deployment, then one line per field (`+` added, `-` dropped, `~` changed).
    public var diffText: String {
        var lines = ["--- Deployment \(microservice.key) (\(source)): pod template now",
                     "+++ rendered from the imported Microservice \(microservice.key)"]
        lines += templateChanges.map(\.displayed)
        if templateChanges.isEmpty { lines.append("  (no change)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension TemplateChange {
    /// The change with its path from the Deployment's root (`spec.template.`).
    var displayed: String {
        TemplateChange(path: "spec.template." + path, before: before, after: after).description
    }
}
