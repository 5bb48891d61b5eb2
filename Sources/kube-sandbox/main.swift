import KubeSchema
import Foundation
import KubeSandbox

// kube-sandbox [--tls] [--port N] [--schemas DIR]: serves an in-memory Kubernetes API on
// 127.0.0.1 until interrupted, printing its URL and an admin kubeconfig (a client certificate over
// TLS, a bearer token otherwise: kubectl sends no bearer token over plain HTTP, so use --tls with it).
let arguments = CommandLine.arguments.dropFirst()
func value(after flag: String) -> String? {
    arguments.firstIndex(of: flag).flatMap { arguments.index(after: $0) < arguments.endIndex ? arguments[arguments.index(after: $0)] : nil }
}
let tls = arguments.contains("--tls")
let schemas = try value(after: "--schemas").map { try OpenAPISchemas(directory: $0) }
let options = SandboxOptions(tls: tls, schemas: schemas, port: value(after: "--port").flatMap(Int.init) ?? 0)
try await KubeSandbox.withRunning(options) { sandbox in
    let kubeconfig = try sandbox.kubeconfig(.admin)
    FileHandle.standardOutput.write(Data("kube-sandbox listening on \(sandbox.url)\n\(kubeconfig)".utf8))
    while true { try await Task.sleep(for: .seconds(3600)) }
}
