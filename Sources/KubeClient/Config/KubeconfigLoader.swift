import Foundation
import KubeModel

extension ClientConfiguration {
    /// Loads a kubeconfig as kubectl does: `kubeconfig` (the `--kubeconfig` flag) alone when
    /// given; else every file of `$KUBECONFIG` (`:`-separated, missing ones skipped) merged,
    /// the first file to define a name or current-context winning; else `~/.kube/config`.
    /// `context` (`--context`) overrides the current context.
    public static func load(
        kubeconfig path: String? = nil, context: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(KubeError) -> ClientConfiguration {
        let home = environment["HOME"] ?? NSHomeDirectory()
        var files: [KubeconfigFile] = []
        for (candidate, required) in KubeconfigLoader.candidates(explicit: path, environment: environment, home: home) {
            if let file = try KubeconfigLoader.read(candidate, required: required, home: home) { files.append(file) }
        }
        guard !files.isEmpty else {
            throw KubeError.configuration(source: KubeconfigLoader.display(path ?? home + "/.kube/config", home: home),
                field: nil, message: "no kubeconfig found (set --kubeconfig or KUBECONFIG, or run in a cluster)")
        }
        return try KubeconfigLoader.Merged(files).configuration(context: context)
    }
}

enum KubeconfigLoader {
    /// The files to read, in precedence order, and whether each must exist.
    static func candidates(explicit: String?, environment: [String: String], home: String) -> [(String, Bool)] {
        if let explicit, !explicit.isEmpty { return [(expandHome(explicit, home: home), true)] }
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            var seen = Set<String>()
            return list.split(separator: ":").map(String.init).filter { !$0.isEmpty && seen.insert($0).inserted }
                .map { (expandHome($0, home: home), false) }
        }
        return [(home + "/.kube/config", false)]
    }

    static func read(_ path: String, required: Bool, home: String) throws(KubeError) -> KubeconfigFile? {
        let display = display(path, home: home)
        guard FileManager.default.fileExists(atPath: path) else {
            if required { throw KubeError.configuration(source: display, field: nil, message: "no such file") }
            return nil
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw KubeError.configuration(source: display, field: nil, message: "cannot read: \(error.localizedDescription)")
        }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let directory = (absolute as NSString).deletingLastPathComponent
        return try KubeconfigFile(text: text, origin: .init(display: display, directory: directory))
    }

    static func expandHome(_ path: String, home: String) -> String {
        path == "~" || path.hasPrefix("~/") ? home + path.dropFirst() : path
    }

    /// The path as messages show it, with the home directory as `~`.
    static func display(_ path: String, home: String) -> String {
        guard !home.isEmpty, home != "/", path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    /// Kubeconfig files merged: the first to define a name (or the current context) wins.
    struct Merged {
        var clusters: [String: KubeconfigFile.Cluster] = [:]
        var users: [String: KubeconfigFile.User] = [:]
        var contexts: [String: KubeconfigFile.Context] = [:]
        var currentContext: String?
        let sources: String

        init(_ files: [KubeconfigFile]) {
            sources = files.map(\.origin.display).joined(separator: ", ")
            for file in files {
                for cluster in file.clusters where clusters[cluster.name] == nil { clusters[cluster.name] = cluster }
                for user in file.users where users[user.name] == nil { users[user.name] = user }
                for context in file.contexts where contexts[context.name] == nil { contexts[context.name] = context }
                if currentContext == nil { currentContext = file.currentContext }
            }
        }
    }
}
