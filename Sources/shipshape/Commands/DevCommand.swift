import ArgumentParser
import Foundation
import Logging

/// `shipshape dev`: the whole system on one machine, no cluster needed.
struct DevCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev",
        abstract: "Run an API server, the operator and the admission webhook in one process, and apply Microservices to it.",
        discussion: """
            Starts KubeSandbox over HTTPS on 127.0.0.1 with the Microservice CRD installed, the \
            operator reconciling every namespace, and the admission webhook registered as Deploy/ \
            registers it (by Service reference, trusted through a self-issued CA). Writes an admin \
            kubeconfig and prints `export KUBECONFIG=...`, applies the given files (namespaces are \
            created as needed), shows each Microservice's progress, then prints what \
            `kubectl get msvc -A` prints. A simulated kubelet reports Pods Running and Ready (no \
            process runs; the Pods are annotated sandbox.shipshape.dev/simulated=true).

            Without --once it serves until SIGINT or SIGTERM and exits 0. With --once it exits 0 \
            once every Microservice is Ready, 1 when an input was refused or it did not converge \
            within --timeout, 2 when an input cannot be read, 3 when it cannot serve (--port in use, \
            --data-dir unusable). The sandbox keeps its objects in memory only, unless --data-dir \
            names a directory: then every object, the event history, the CA, the token signing key \
            and the port are kept there in SQLite (each write on disk before it is answered), and \
            a later `shipshape dev --data-dir` on it goes on where this one stopped.
            """)

    @Argument(help: "Files or directories to apply (default: Examples/shop).")
    var paths: [String] = []

    @Option(help: "The API server's port on 127.0.0.1 (default: a free one).")
    var port: Int?

    @Option(help: "The Kubernetes OpenAPI schemas to validate built-in kinds and serve /openapi (default: ../shared/kubernetes-openapi when it exists).")
    var schemas: String?

    @Option(help: "Keep the sandbox's objects in SQLite in this directory, across restarts (default: in memory only).")
    var dataDir: String?

    @Option(help: "Where to write the admin kubeconfig (default: DATA/kubeconfig, DATA being --data-dir, else $XDG_STATE_HOME/shipshape/dev or ~/.local/state/shipshape/dev).")
    var kubeconfigOut: String?

    @Flag(help: "Exit once every Microservice is Ready instead of serving.")
    var once = false

    @Option(help: "Seconds to wait for every Microservice to converge; with --once, exit 1 when they pass.")
    var timeout: Int = 60

    @Flag(help: "Do not simulate a kubelet: Pods stay Pending and Deployments never become Available.")
    var noSimulate = false

    @Option(help: "trace, debug, info, notice, warning, error or critical: the operator's and webhook's log on standard error.")
    var logLevel: Logger.Level = .error

    func validate() throws {
        guard (1...65_535).contains(port ?? 1) else { throw ValidationError("--port must be between 1 and 65535") }
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
        if let dataDir, dataDir.isEmpty { throw ValidationError("--data-dir must name a directory") }
        if let schemas, !FileManager.default.fileExists(atPath: schemas) {
            throw ValidationError("--schemas: \(schemas): no such directory")
        }
    }

    func run() async throws {
        LogFormat.text.bootstrap(level: logLevel)
        let environment = ProcessInfo.processInfo.environment
        let inputs = InputFiles.load(paths.isEmpty ? ["Examples/shop"] : paths)
        let settings = DevSettings(
            port: port ?? 0, schemasDirectory: schemas ?? DevSettings.defaultSchemas(), simulate: !noSimulate,
            kubeconfigPath: kubeconfigOut ?? (dataDir ?? DevSettings.dataDirectory(environment: environment)) + "/kubeconfig",
            dataDirectory: dataDir, logger: Logger(label: "shipshape.dev"))
        let unreadable = !inputs.errors.isEmpty
        var failed = false
        for error in inputs.errors { Terminal.note("error: \(error)") }
        let once = self.once, timeout = self.timeout
        try await DevCluster.run(settings) { cluster in
            let output = DevOutput()
            output.line("export KUBECONFIG=\(settings.kubeconfigPath)")
            let applied = await DevApply(client: cluster.client).apply(inputs.objects)
            for problem in applied.problems { Terminal.note("error: \(problem)") }
            for warning in applied.warnings { Terminal.note("warning: \(warning)") }
            failed = failed || !applied.problems.isEmpty
            let progress = DevProgress(client: cluster.client, microservices: applied.microservices, simulated: settings.simulate,
                                       output: output)
            let converged = await progress.follow(until: .now + .seconds(timeout), stopped: { cluster.isStopping },
                                                    isIdle: { await cluster.operatorIsIdle })
            output.line(await MicroserviceTable.text(client: cluster.client))
            if let reason = converged.failure {
                Terminal.note("\(once ? "error" : "note"): not converged within \(timeout)s: \(reason)")
                failed = true
            }
            guard !once, !cluster.isStopping else { return }
            output.line("serving until interrupted (Ctrl-C)")
            await cluster.waitUntilStopped()
        }
        // Serving ends with SIGINT or SIGTERM, which is success whatever the input was.
        if once, unreadable { throw CLIError.invalidInput([]) }
        if once, failed { throw CLIError.findings }
    }
}
