import ArgumentParser

/// `shipshape webhook`'s flag spellings before it shared `run`'s `--webhook-*` options; the
/// README used them. Hidden from `--help`, still accepted, with a warning.
struct DeprecatedWebhookFlags: ParsableArguments {
    @Option(name: .customLong("address"), help: .hidden) var address: String?
    @Option(name: .customLong("cert-dir"), help: .hidden) var certDir: String?
    @Option(name: .customLong("cert-file"), help: .hidden) var certFile: String?
    @Option(name: .customLong("key-file"), help: .hidden) var keyFile: String?
    @Option(name: .customLong("self-signed-secret"), help: .hidden) var selfSignedSecret: String?

    /// The old spellings used, each with its new one.
    var used: [(old: String, new: String)] {
        [("address", address), ("cert-dir", certDir), ("cert-file", certFile), ("key-file", keyFile), ("self-signed-secret", selfSignedSecret)]
            .filter { $0.1 != nil }.map { ("--\($0.0)", "--webhook-\($0.0)") }
    }

    /// `arguments` with each old spelling's value moved to its new flag; both given is a problem.
    func applied(to arguments: WebhookArguments, _ resolver: inout OptionResolver) -> WebhookArguments {
        var merged = arguments
        func move(_ old: String?, _ new: inout String?, _ name: String) {
            guard let old else { return }
            if new != nil { resolver.problem("--\(name) and --webhook-\(name) are the same option: give --webhook-\(name) only") }
            new = old
        }
        move(address, &merged.address, "address")
        move(certDir, &merged.certDir, "cert-dir")
        move(certFile, &merged.certFile, "cert-file")
        move(keyFile, &merged.keyFile, "key-file")
        move(selfSignedSecret, &merged.selfSignedSecret, "self-signed-secret")
        return merged
    }
}
