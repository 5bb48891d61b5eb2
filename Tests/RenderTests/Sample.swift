import KubeModel
import ShipshapeAPI
import Testing
@testable import Render

/// Microservices built in code, and lookups into what they render to.
enum Sample {
    static func microservice(_ name: String, namespace: String = "shop", image: String? = nil, labels: [String: String]? = nil,
                             _ configure: (inout MicroserviceSpec) -> Void = { _ in }) -> Microservice {
        var spec = MicroserviceSpec(image: image ?? "registry.example.com/\(namespace)/\(name):1.0.0")
        spec.ports = [ShipshapeAPI.ServicePort(name: "http", port: 8080)]
        configure(&spec)
        return Microservice(metadata: ObjectMeta(name: name, namespace: namespace, labels: labels), spec: spec)
    }

    /// The object of `kind` rendered for `owner` (`namespace/name`), decoded as `type`.
    static func object<T: KubernetesObject>(_ type: T.Type, of owner: String, in output: RenderOutput,
                                            sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
        let kind = String(describing: type)
        let object = try #require(output.objects.first { $0.owner == owner && $0.kind == kind },
                                  "no \(kind) rendered for \(owner)", sourceLocation: sourceLocation)
        return try JSONValueDecoder().decode(T.self, from: object.value)
    }

    static func kinds(of owner: String, in output: RenderOutput) -> [String] {
        output.objects.filter { $0.owner == owner }.map(\.kind)
    }

    static func container(of owner: String, in output: RenderOutput) throws -> Container {
        let deployment = try object(Deployment.self, of: owner, in: output)
        return try #require(deployment.spec.template.spec?.containers.first)
    }
}
