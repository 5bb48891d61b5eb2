import ArgumentParser
import ShipshapeAPI

/// `shipshape crd`: prints the Microservice CustomResourceDefinition (CRDs/ holds the same text).
struct CRDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crd",
        abstract: "Print the Microservice CustomResourceDefinition as YAML.",
        discussion: "The output is committed as CRDs/microservices.shipshape.dev.yaml; CI fails when they differ."
    )

    func run() throws {
        do {
            print(try CustomResourceDefinition.microservices().yamlText(), terminator: "")
        } catch {
            throw CLIError.internal("\(error)")
        }
    }
}
