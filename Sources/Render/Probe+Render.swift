import KubeModel
import ShipshapeAPI

/// Default probe timings, per role; a Microservice's probe overrides each.
struct ProbeTimings: Sendable {
    let timeoutSeconds: Int
    let periodSeconds: Int
    let failureThreshold: Int

    /// A stuck process is restarted after about 30 s of failures.
    static let liveness = ProbeTimings(timeoutSeconds: 3, periodSeconds: 10, failureThreshold: 3)
    /// Traffic stops within about 15 s of a pod becoming unready.
    static let readiness = ProbeTimings(timeoutSeconds: 2, periodSeconds: 5, failureThreshold: 3)
    /// Up to 150 s to start before liveness takes over.
    static let startup = ProbeTimings(timeoutSeconds: 3, periodSeconds: 5, failureThreshold: 30)
}

extension KubeModel.Probe {
    /// The Kubernetes probe for a short-form probe: http -> httpGet (path `/` by default, port
    /// by name), grpc -> grpc (the port resolved to its number, as the API requires), tcp ->
    /// tcpSocket, exec -> exec; timings from the probe or `timings`. Nil when there is no probe,
    /// or when a grpc probe's port cannot be resolved (with a warning).
    init?(rendering probe: ShipshapeAPI.Probe?, timings: ProbeTimings, context: RenderContext, path: FieldPath,
          warnings: inout [RenderWarning]) {
        guard let probe else { return nil }
        if let http = probe.http {
            self.init(httpGet: HTTPGetAction(path: http.path ?? Defaults.probePath, port: http.port, scheme: http.scheme))
        } else if let grpc = probe.grpc {
            guard let port = Self.number(of: grpc.port, in: context.spec.ports ?? []) else {
                warnings.append(context.warning(at: path.key("grpc").key("port"),
                                                "\"\(grpc.port)\" is not a declared port; the probe is left out"))
                return nil
            }
            self.init(grpc: GRPCAction(port: port, service: grpc.service))
        } else if let tcp = probe.tcp {
            self.init(tcpSocket: TCPSocketAction(port: tcp.port))
        } else if let exec = probe.exec {
            self.init(exec: ExecAction(command: exec.command))
        } else {
            return nil
        }
        initialDelaySeconds = probe.initialDelaySeconds
        timeoutSeconds = probe.timeoutSeconds ?? timings.timeoutSeconds
        periodSeconds = probe.periodSeconds ?? timings.periodSeconds
        successThreshold = probe.successThreshold
        failureThreshold = probe.failureThreshold ?? timings.failureThreshold
    }

    /// A port's number: as given, or the declared port of that name.
    private static func number(of port: IntOrString, in declared: [ShipshapeAPI.ServicePort]) -> Int? {
        switch port {
        case .int(let number): return number
        case .string(let name): return declared.first { $0.name == name }?.port
        }
    }
}
