import KubeSchema
import Foundation
import KubeSandbox

// kube-sandbox [--tls] [--port N] [--schemas DIR]: serves an in-memory Kubernetes API on
// 127.0.0.1 until interrupted, printing its URL and a kubeconfig (a client certificate over TLS).
let arguments = CommandLine.arguments.dropFirst()
func value(after flag: String) -> String? {
    arguments.firstIndex(of: flag).flatMap { arguments.index(after: $0) < arguments.endIndex ? arguments[arguments.index(after: $0)] : nil }
}
let tls = arguments.contains("--tls")
let schemas = try value(after: "--schemas").map { try OpenAPISchemas(directory: $0) }
let options = SandboxOptions(tls: tls, schemas: schemas, port: value(after: "--port").flatMap(Int.init) ?? 0)
try await KubeSandbox.withRunning(options) { sandbox in
    let kubeconfig = try sandbox.kubeconfig(tls ? .clientCertificate(user: "admin", groups: ["system:masters"]) : .none)
    FileHandle.standardOutput.write(Data("kube-sandbox listening on \(sandbox.url)\n\(kubeconfig)".utf8))
    while true { try await Task.sleep(for: .seconds(3600)) }
}
