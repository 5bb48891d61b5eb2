import Foundation

extension ClientConfiguration {
    /// The configuration as client-go's default loading rules choose it: the kubeconfig
    /// (`kubeconfig`, else `$KUBECONFIG`, else `~/.kube/config`) with `context`; or, when none of
    /// those is given or exists and the process runs in a pod (`KUBERNETES_SERVICE_HOST`), the
    /// pod's service account.
    public static func resolve(kubeconfig: String? = nil, context: String? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws(KubeError) -> ClientConfiguration {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let noKubeconfig = kubeconfig == nil && context == nil && (environment["KUBECONFIG"] ?? "").isEmpty
            && !FileManager.default.fileExists(atPath: home + "/.kube/config")
        if noKubeconfig, !(environment["KUBERNETES_SERVICE_HOST"] ?? "").isEmpty {
            return try .inCluster(environment: environment)
        }
        return try .load(kubeconfig: kubeconfig, context: context, environment: environment)
    }
}
