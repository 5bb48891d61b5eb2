import Foundation

/// Where a pod's service-account credentials are mounted; injectable for tests.
public struct ServiceAccountPaths: Sendable {
    public var token: String
    public var certificateAuthority: String
    public var namespace: String

    public init(directory: String = "/var/run/secrets/kubernetes.io/serviceaccount") {
        token = directory + "/token"
        certificateAuthority = directory + "/ca.crt"
        namespace = directory + "/namespace"
    }
}

extension ClientConfiguration {
    /// The configuration of a pod: the API server from KUBERNETES_SERVICE_HOST/PORT, the
    /// mounted CA and namespace, and the mounted token, re-read as the kubelet rotates it.
    public static func inCluster(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        paths: ServiceAccountPaths = ServiceAccountPaths(),
        tokenRefreshInterval: Duration = .seconds(60)
    ) throws(KubeError) -> ClientConfiguration {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
            let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty
        else {
            throw KubeError.configuration(source: "in-cluster", field: nil,
                message: "KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set: not running in a pod")
        }
        guard FileManager.default.isReadableFile(atPath: paths.token) else {
            throw KubeError.configuration(source: paths.token, field: nil, message: "no service-account token is mounted")
        }
        guard let ca = FileManager.default.contents(atPath: paths.certificateAuthority) else {
            throw KubeError.configuration(source: paths.certificateAuthority, field: nil, message: "cannot read the cluster CA")
        }
        let namespace = FileManager.default.contents(atPath: paths.namespace)
            .map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
            .flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return ClientConfiguration(
            server: "https://\(hostPart):\(port)", namespace: namespace,
            tls: TLSOptions(certificateAuthorityPEM: [UInt8](ca)),
            credentials: .tokenFile(path: paths.token, refreshInterval: tokenRefreshInterval), origin: "in-cluster")
    }
}
