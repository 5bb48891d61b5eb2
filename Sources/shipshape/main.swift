import Foundation
import KubeModel
import ShipshapeAPI

for path in CommandLine.arguments.dropFirst() {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    for object in try SourceReader.objects(in: text, file: path) {
        do {
            let m = try MicroserviceReader.read(object)
            print("OK", m.key, m.spec.ports?.count ?? 0)
        } catch {
            print(error)
        }
    }
}
