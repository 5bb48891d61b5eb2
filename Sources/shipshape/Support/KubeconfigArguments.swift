import ArgumentParser
import Foundation
import KubeClient

/// Which kubeconfig and context reach the cluster, as kubectl takes them.
struct KubeconfigArguments: ParsableArguments {
    @Option(help: "The kubeconfig file (default: $KUBECONFIG, merged, else ~/.kube/config; in a pod, its service account).")
    var kubeconfig: String?

    @Option(help: "The kubeconfig context to use (default: the current context).")
    var context: String?

    /// Whether either option was given.
    var isGiven: Bool { kubeconfig != nil || context != nil }

    /// The client configuration, as client-go's default loading rules choose it.
    func configuration(environment: [String: String] = ProcessInfo.processInfo.environment) throws(KubeError) -> ClientConfiguration {
        try .resolve(kubeconfig: kubeconfig, context: context, environment: environment)
    }
}
