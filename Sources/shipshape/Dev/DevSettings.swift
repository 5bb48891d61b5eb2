import Foundation
import Logging

/// `shipshape dev`'s options, resolved.
struct DevSettings: Sendable {
    /// The API server's port on 127.0.0.1; 0 for a free one.
    var port: Int
    /// The Kubernetes OpenAPI documents; nil when none were found.
    var schemasDirectory: String?
    /// Run the simulated kubelet.
    var simulate: Bool
    var kubeconfigPath: String
    /// Where the sandbox keeps its objects (SQLite); nil keeps them in memory.
    var dataDirectory: String? = nil
    var logger: Logger

    /// `../shared/kubernetes-openapi` from the current directory, when it exists.
    static func defaultSchemas() -> String? {
        let path = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent("../shared/kubernetes-openapi").standardized.path
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue ? path : nil
    }

    /// `$XDG_STATE_HOME/shipshape/dev`, else `~/.local/state/shipshape/dev`.
    static func dataDirectory(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/shipshape/dev" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/shipshape/dev"
    }
}
