import ArgumentParser
import Render

/// `render`'s options for the kinds beyond core Kubernetes, as `helm template` takes them.
struct ExtensionArguments: ParsableArguments {
    @Option(name: .customLong("api-versions"), parsing: .singleValue,
            help: "An API version the target cluster serves, group/version or group/version/Kind (repeatable or comma-separated), such as monitoring.coreos.com/v1.")
    var apiVersions: [String] = []

    @Option(name: .customLong("with"), help: "Render for clusters with these installed: prometheus-operator, istio (comma-separated).")
    var with: String?

    @Option(name: .customLong("mesh-mtls"), help: "strict: require mTLS for every Microservice that does not set mesh.mtls: disabled.")
    var meshMTLS: MeshDefault?

    enum MeshDefault: String, ExpressibleByArgument, CaseIterable { case strict }

    var providers: [ExtensionKind.Provider] {
        (with ?? "").split(separator: ",").compactMap { ExtensionKind.Provider(rawValue: $0.trimmingCharacters(in: .whitespaces)) }
    }

    var options: ExtensionOptions {
        let versions = apiVersions.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        let served = ExtensionKind.served(byAPIVersions: versions).union(providers.flatMap(\.kinds))
        return ExtensionOptions(served: served, meshMTLSByDefault: meshMTLS == .strict)
    }

    func validate() throws {
        let names = (with ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let unknown = names.filter { ExtensionKind.Provider(rawValue: $0) == nil }
        guard unknown.isEmpty else {
            let known = ExtensionKind.Provider.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--with: unknown \(unknown.joined(separator: ", ")) (known: \(known))")
        }
    }

    /// How to get a provider's kinds rendered, for the note about them.
    static func hint(_ provider: ExtensionKind.Provider) -> String {
        let apiVersions = Set(provider.kinds.map(\.apiVersion)).sorted().joined(separator: ",")
        return "pass --with \(provider.rawValue) or --api-versions \(apiVersions) to render them"
    }
}
