import ArgumentParser
import Foundation
import KubeModel

/// The `shipshape` command: thin subcommands over Render, Checklist and the operator.
struct Shipshape: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shipshape",
        abstract: "Production-grade Kubernetes objects for microservices, and one checklist that holds everywhere.",
        version: ShipshapeVersion.current,
        subcommands: [RenderCommand.self, AuditCommand.self, RulesCommand.self, RunCommand.self, DevCommand.self, WebhookCommand.self, CRDCommand.self, ImportCommand.self, DiffCommand.self]
    )
}

/// Runs the command line with Shipshape's exit codes (`ExitCode`): usage errors exit 2
/// (ArgumentParser's default is 64), `CLIError`s print their messages and exit with their code,
/// any other error is a failure (3); `--help` and `--version` exit 0.
@main
enum Main {
    static func main() async {
        do {
            if let audit = DirectAudit(Array(CommandLine.arguments.dropFirst())) {
                try audit.run()
                return
            }
            var command = try Shipshape.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            if !error.messages.isEmpty { FileHandle.standardError.write(Data((error.description + "\n").utf8)) }
            exit(error.exitCode.rawValue)
        } catch {
            let code = Shipshape.exitCode(for: error)
            if code.isSuccess { Shipshape.exit(withError: error) }
            FileHandle.standardError.write(Data((Shipshape.fullMessage(for: error) + "\n").utf8))
            exit(code == .validationFailure ? ExitCode.invalidInput.rawValue : ExitCode.failure.rawValue)
        }
    }
}
