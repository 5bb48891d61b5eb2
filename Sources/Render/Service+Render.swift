import KubeModel
import ShipshapeAPI

extension Service {
    /// A ClusterIP Service over the declared ports (none when there are none): named ports,
    /// targeting the container ports by name, with their application protocol.
    init?(rendering context: RenderContext) {
        guard let ports = context.spec.ports, !ports.isEmpty else { return nil }
        let servicePorts = ports.map { port in
            KubeModel.ServicePort(name: port.name, protocol: "TCP", appProtocol: port.effectiveProtocol.appProtocol,
                                  port: port.port, targetPort: .string(port.name))
        }
        self.init(metadata: context.metadata(), spec: ServiceSpec(ports: servicePorts, selector: context.selector, type: "ClusterIP"))
    }
}

extension PortProtocol {
    /// The Service's `appProtocol`: `http`; `kubernetes.io/h2c` for gRPC (HTTP/2 without TLS,
    /// so proxies and meshes speak HTTP/2 to it); none for raw TCP.
    var appProtocol: String? {
        switch self {
        case .http: return "http"
        case .grpc: return "kubernetes.io/h2c"
        case .tcp: return nil
        }
    }
}
