import KubeModel
import KubeSandbox
import Testing

/// Service rules, as the real server's (replay cases 123-132).
@Suite struct ServiceValidationTests {
    static let services = Valid.namespace + "/services"

    static let refusals: [Refusal] = [
        Refusal(name: "ExternalName services need an external name", path: services,
                body: Valid.service("ext") { $0["spec"] = ["type": "ExternalName"] },
                causes: ["FieldValueRequired spec.externalName"]),
        Refusal(name: "port zero", path: services, body: Valid.service("p0") { $0["spec"]?["ports"] = [["port": 0]] },
                causes: ["FieldValueInvalid spec.ports[0].port", "FieldValueInvalid spec.ports[0].targetPort"]),
        Refusal(name: "port above 65535", path: services, body: Valid.service("pbig") { $0["spec"]?["ports"] = [["port": 70000]] },
                causes: ["FieldValueInvalid spec.ports[0].port", "FieldValueInvalid spec.ports[0].targetPort"]),
        Refusal(name: "no ports", path: services, body: Valid.service("none") { $0["spec"]?["ports"] = [] },
                causes: ["FieldValueRequired spec.ports"]),
        Refusal(name: "the same port and protocol twice", path: services,
                body: Valid.service("dup") { $0["spec"]?["ports"] = [["name": "a", "port": 80], ["name": "b", "port": 80]] },
                causes: ["FieldValueDuplicate spec.ports[1]"]),
        Refusal(name: "several ports need names", path: services,
                body: Valid.service("unnamed") { $0["spec"]?["ports"] = [["port": 80], ["port": 81]] },
                causes: ["FieldValueRequired spec.ports[0].name", "FieldValueRequired spec.ports[1].name"]),
        Refusal(name: "protocols", path: services, body: Valid.service("proto") { $0["spec"]?["ports"] = [["port": 80, "protocol": "HTTP"]] },
                causes: ["FieldValueNotSupported spec.ports[0].protocol"]),
        Refusal(name: "types", path: services, body: Valid.service("type") { $0["spec"]?["type"] = "Internal" },
                causes: ["FieldValueNotSupported spec.type"]),
        Refusal(name: "node ports on a ClusterIP service", path: services,
                body: Valid.service("np") { $0["spec"]?["ports"] = [["port": 80, "nodePort": 30080]] },
                causes: ["FieldValueForbidden spec.ports[0].nodePort"]),
        Refusal(name: "external traffic policy only for node ports and load balancers", path: services,
                body: Valid.service("etp") { $0["spec"]?["externalTrafficPolicy"] = "Local" },
                causes: ["FieldValueInvalid spec.externalTrafficPolicy"]),
        Refusal(name: "external IPs", path: services, body: Valid.service("eip") { $0["spec"]?["externalIPs"] = ["not-an-ip"] },
                causes: ["FieldValueInvalid spec.externalIPs[0]"]),
    ]

    @Test(arguments: refusals) func refused(_ refusal: Refusal) async throws {
        try await KubeSandbox.withRunning { sandbox in
            try await SandboxClient(sandbox).expectRefused(refusal)
        }
    }

    @Test func validServicesAreAccepted() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let headless = Valid.service("headless") { $0["spec"]?["clusterIP"] = "None"; $0["spec"]?["ports"] = [] }
            let accepted = try await client.post(Self.services, headless)
            #expect(accepted.status == 201, "\(accepted.text)")
            let external = Valid.service("ext") { $0["spec"] = ["type": "ExternalName", "externalName": "db.example.com"] }
            #expect(try await client.post(Self.services, external).status == 201)
            let named = Valid.service("named") { $0["spec"]?["ports"] = [["name": "http", "port": 80, "targetPort": "http"], ["name": "dns", "port": 53, "protocol": "UDP"]] }
            #expect(try await client.post(Self.services, named).status == 201)
        }
    }

    @Test func aClusterIPStays() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let pinned = Valid.service("web") { $0["spec"]?["clusterIP"] = "10.0.0.10" }
            #expect(try await client.post(Self.services, pinned).status == 201)
            let moved = Valid.service("web") { $0["spec"]?["clusterIP"] = "10.0.0.11" }
            let response = try await client.put(Self.services + "/web", moved)
            #expect(response.status == 422)
            #expect(Refusal.causes(response) == ["FieldValueInvalid spec.clusterIPs[0]"])
        }
    }
}
