import KubeModel
import Render
import ShipshapeAPI

/// The last step of importing one Deployment: write the Microservice, read it back as
/// `shipshape render` reads it, render it, and compare the rendered pod template with the original.
enum ImportFinisher {
    static func finish(_ deployment: DeploymentImport) -> Result<ImportedService, ImportProblem> {
        let microservice: Microservice
        let yaml: String
        do {
            yaml = try JSONValueEncoder().encode(deployment.microservice).yamlText()
            let documents = try SourceReader.objects(in: yaml, file: "import")
            guard let document = documents.first else { throw ImportFailure("the imported Microservice is empty") }
            microservice = try MicroserviceReader.read(document)
        } catch let error as MicroserviceError {
            let issues = error.issues.map { "\($0)" }.joined(separator: "; ")
            // metadata paths are the same in the Deployment; spec paths are the Microservice's own.
            let path = error.issues.first.map(\.path).flatMap { $0.description.hasPrefix("metadata") ? $0 : nil } ?? .root
            return .failure(problem(deployment, "not importable: the Microservice it maps to is invalid: \(issues)", at: path))
        } catch {
            return .failure(problem(deployment, "not importable: \(error)"))
        }
        let rendered = Renderer().render([microservice]).objects.first { $0.kind == "Deployment" }
        guard let renderedTemplate = rendered?.value["spec"]?["template"] else {
            return .failure(problem(deployment, "not importable: rendering the imported Microservice gave no Deployment"))
        }
        let original = PodTemplateView(template: deployment.template, main: deployment.main.index, mainName: deployment.main.name)
        let renderedView = PodTemplateView(template: renderedTemplate, main: 0, mainName: deployment.main.name)
        let changes = TemplateChange.between(original, renderedView)
        var notes = deployment.notes.filter { note in !note.onlyIfChanged || changes.contains { note.covers($0.path) && $0.before != nil } }
        for change in changes where change.before != nil && !notes.contains(where: { $0.covers(change.path) }) {
            notes.append(ImportNote("spec.template.\(change.path)", change.after == nil
                ? "is not expressed by a Microservice" : "differs when Shipshape renders it",
                covers: [change.path], unexplained: true))
        }
        let service = ImportedService(
            microservice: microservice, source: deployment.deployment.location(), related: deployment.related.references,
            todos: deployment.todos, notExpressed: notes, templateChanges: changes, objectChanges: deployment.objectChanges,
            document: "")
        return .success(service.withDocument(yaml))
    }

    private static func problem(_ deployment: DeploymentImport, _ message: String, at path: FieldPath = .root) -> ImportProblem {
        ImportProblem(kind: .notImportable, location: deployment.deployment.location(of: path), object: deployment.deployment.reference,
                      message: message)
    }

    struct ImportFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
