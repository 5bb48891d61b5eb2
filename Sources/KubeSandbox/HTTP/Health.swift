import Hummingbird

/// `/healthz`, `/readyz`, `/livez` (and their per-check paths such as `/healthz/etcd`): `ok`, or
/// with `?verbose` one `[+]check ok` line per check and `<endpoint> check passed`.
enum Health {
    /// The checks the sandbox reports: it has no storage backend or controllers to wait for.
    static let checks = ["ping", "log", "informer-sync", "shutdown"]

    static func response(path: String, verbose: Bool) -> Response {
        let endpoint = path.split(separator: "/").first.map(String.init) ?? "healthz"
        let text = verbose ? checks.map { "[+]\($0) ok\n" }.joined() + "\(endpoint) check passed\n" : "ok"
        return Responses.plainText(text, status: .ok)
    }
}
