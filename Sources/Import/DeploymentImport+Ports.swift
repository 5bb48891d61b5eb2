import KubeModel
import ShipshapeAPI

extension DeploymentImport {
    /// Container ports, named (the port's own name, else the name of the Service port that
    /// targets it, else a well-known name for the number) and with an application protocol (the
    /// Service's appProtocol, else what the name or number says, else tcp).
    mutating func importPorts() {
        var ports: [ShipshapeAPI.ServicePort] = []
        for port in container["ports"]?.arrayValue ?? [] {
            guard let number = port["containerPort"]?.intValue else { continue }
            let transport = port["protocol"]?.stringValue ?? "TCP"
            let path = containerField("ports[\(number)\(transport == "TCP" ? "" : "/" + transport)]")
            guard transport == "TCP" else {
                templateNote(path, "\(transport) ports are not expressed (a Microservice's ports are TCP)")
                continue
            }
            for field in ["hostPort", "hostIP"] where port[field] != nil {
                templateNote("\(path).\(field)", "is not expressed (pods reach the node's network through a Service)")
            }
            let servicePort = servicePorts(targeting: number, name: port["name"]?.stringValue).first
            var name = port["name"]?.stringValue ?? servicePort?["name"]?.stringValue ?? Self.wellKnownName(number)
            if !Self.isPortName(name) || ports.contains(where: { $0.name == name }) { name = "port-\(number)" }
            let proto = Self.protocolFor(appProtocol: servicePort?["appProtocol"]?.stringValue, name: name, number: number)
            ports.append(ShipshapeAPI.ServicePort(name: name, port: number, protocol: proto))
        }
        spec.ports = ports.isEmpty ? nil : ports
    }

    /// The ports of matched Services that target container port `number` (by number or `name`).
    func servicePorts(targeting number: Int, name: String?) -> [JSONValue] {
        related.services.flatMap { service in
            (service.value["spec"]?["ports"]?.arrayValue ?? []).filter { servicePort in
                let target = servicePort["targetPort"] ?? servicePort["port"]
                return target?.intValue == number || (name != nil && target?.stringValue == name)
            }
        }
    }

    /// What each matched Service has that the Service Shipshape renders (ClusterIP, named after
    /// the Microservice, port = container port) would not.
    mutating func importServices() {
        let declared = spec.ports ?? []
        for service in related.services {
            let subject = service.reference
            let serviceSpec = service.value["spec"]
            if service.name != name {
                objectNote(subject, "Shipshape renders its Service as \(name); clients that call \(service.name) need it kept (it is not adopted)")
            }
            let type = serviceSpec?["type"]?.stringValue ?? "ClusterIP"
            if type != "ClusterIP" { objectNote(subject, "type \(type) is not expressed; the rendered Service is ClusterIP") }
            if serviceSpec?["clusterIP"]?.stringValue == "None" { objectNote(subject, "a headless Service is not expressed") }
            for port in serviceSpec?["ports"]?.arrayValue ?? [] {
                guard let number = port["port"]?.intValue else { continue }
                let target = port["targetPort"] ?? .integer(number)
                let container = declared.first { target.intValue == $0.port || target.stringValue == $0.name }
                if let container, container.port != number {
                    objectNote(subject, "port \(number) forwards to \(container.port); the rendered Service exposes \(container.port), "
                        + "so clients calling :\(number) must change")
                } else if container == nil {
                    objectNote(subject, "port \(number) targets \(target.stringValue ?? String(target.intValue ?? 0)), which the main container does not declare")
                }
            }
            for field in ["sessionAffinity", "externalTrafficPolicy", "loadBalancerSourceRanges", "externalIPs", "externalName"]
            where serviceSpec?[field] != nil && !(field == "sessionAffinity" && serviceSpec?[field]?.stringValue == "None") {
                objectNote(subject, "spec.\(field) is not expressed")
            }
        }
        if related.services.isEmpty, !declared.isEmpty {
            objectChanges.append("Service \(name) is created (ClusterIP over the declared ports); no Service selected these pods")
        }
    }

    /// An IANA service name: 1-15 lowercase letters, digits and inner dashes, with a letter.
    static func isPortName(_ name: String) -> Bool {
        (1...15).contains(name.count) && name.allSatisfy { ($0.isASCII && $0.isLowercase) || $0.isNumber || $0 == "-" }
            && name.contains(where: \.isLetter) && !name.hasPrefix("-") && !name.hasSuffix("-") && !name.contains("--")
    }

    /// A name for an unnamed port by its well-known use.
    static func wellKnownName(_ number: Int) -> String {
        switch number {
        case 80, 8080, 8000, 3000, 5000, 8081, 9000: return "http"
        case 443, 8443: return "https"
        case 9090, 9100, 9102, 9113, 9464: return "metrics"
        case 50051: return "grpc"
        case 6379: return "redis"
        case 5432: return "postgres"
        case 3306: return "mysql"
        case 27017: return "mongodb"
        case 5672: return "amqp"
        default: return "port-\(number)"
        }
    }

    /// The application protocol: a Service's `appProtocol` first, then the port's name (Istio's
    /// `grpc-*`/`http-*`/`tcp-*` conventions and well-known names), then the number; tcp otherwise
    /// (declaring http where it is not would mislead proxies). TLS ports are tcp: a Microservice's
    /// http means plain HTTP.
    static func protocolFor(appProtocol: String?, name: String, number: Int) -> PortProtocol {
        if let appProtocol = appProtocol?.lowercased() {
            if appProtocol.contains("grpc") || appProtocol.hasSuffix("h2c") { return .grpc }
            if appProtocol == "http" || appProtocol == "http2" || appProtocol == "kubernetes.io/ws" { return .http }
            return .tcp
        }
        let word = name.lowercased().split(separator: "-").first.map(String.init) ?? ""
        if word == "grpc" { return .grpc }
        if ["http", "http2", "web", "metrics", "api", "admin", "health"].contains(word) { return .http }
        if word == "port" { return [80, 8080, 8000, 3000, 5000, 9090].contains(number) ? .http : (number == 50051 ? .grpc : .tcp) }
        return .tcp
    }
}
