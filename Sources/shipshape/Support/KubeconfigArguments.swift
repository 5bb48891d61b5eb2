import ArgumentParser
import Foundation
import KubeClient

/// Which kubeconfig and context reach the cluster, as kubectl takes them; in every command the
/// flags fall back to `SHIPSHAPE_KUBECONFIG` and `SHIPSHAPE_CONTEXT`.
struct KubeconfigArguments: ParsableArguments {
    @Option(help: OptionResolver.help("The kubeconfig file", flag: "kubeconfig", default: "$KUBECONFIG, merged, else ~/.kube/config; in a pod, its service account"))
    var kubeconfig: String?

    @Option(help: OptionResolver.help("The kubeconfig context to use", flag: "context", default: "the current context"))
    var context: String?

    /// Whether either option was given on the command line.
    var isGiven: Bool { kubeconfig != nil || context != nil }

    /// The client configuration, as client-go's default loading rules choose it.
    func configuration(environment: [String: String] = ProcessInfo.processInfo.environment) throws(KubeError) -> ClientConfiguration {
        let resolver = OptionResolver(environment: environment)
        return try .resolve(kubeconfig: resolver.text("kubeconfig", kubeconfig), context: resolver.text("context", context),
                            environment: environment)
    }
}
