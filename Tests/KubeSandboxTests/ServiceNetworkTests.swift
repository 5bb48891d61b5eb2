import KubeModel
import Testing
@testable import KubeSandbox

/// Cluster IPs come from the configured range, 10.0.0.0/24 unless set, and run out as on a real
/// API server ("range is full").
@Suite struct ServiceNetworkTests {
    @Test func addressesAndHostsRoundTrip() throws {
        let network = try #require(ServiceNetwork(cidr: "10.0.0.0/16"))
        #expect(network.hosts == 1...65_534)
        #expect(network.address(1) == "10.0.0.1")
        #expect(network.address(300) == "10.0.1.44")
        #expect(network.host(of: "10.0.1.44") == 300)
        #expect(network.host(of: "10.1.0.1") == nil)
        #expect(ServiceNetwork.default.host(of: "10.0.1.1") == nil)
        #expect(ServiceNetwork(cidr: "10.0.0.0") == nil)
        #expect(ServiceNetwork(cidr: "10.0.0.300/24") == nil)
    }

    @Test func aFullRangeRefusesTheNextService() async throws {
        var options = SandboxOptions(controllers: false)
        options.serviceNetwork = try #require(ServiceNetwork(cidr: "10.0.0.0/30"))   // hosts .1 (the kubernetes Service) and .2
        try await KubeSandbox.withRunning(options) { sandbox in
            let client = SandboxClient(sandbox)
            let path = "/api/v1/namespaces/default/services"
            func service(_ name: String) -> JSONValue {
                ["apiVersion": "v1", "kind": "Service", "metadata": ["name": .string(name)], "spec": ["ports": [["port": 80]]]]
            }
            let first = try await client.post(path, service("a"))
            #expect(first.status == 201)
            #expect(first.json["spec"]?["clusterIP"] == "10.0.0.2")
            let second = try await client.post(path, service("b"))
            #expect(second.status == 500)
            #expect(second.json["message"]?.stringValue == "Internal error occurred: failed to allocate a serviceIP: range is full")
        }
    }

    /// The addresses in use are tracked as Services come and go: a deleted Service's address is
    /// free again, a taken one cannot be asked for, a headless Service takes none.
    @Test func aDeletedServicesAddressIsFreeAgain() async throws {
        var options = SandboxOptions(controllers: false)
        options.serviceNetwork = try #require(ServiceNetwork(cidr: "10.0.0.0/30"))
        try await KubeSandbox.withRunning(options) { sandbox in
            let client = SandboxClient(sandbox)
            let path = "/api/v1/namespaces/default/services"
            func service(_ name: String, clusterIP: String? = nil) -> JSONValue {
                var spec: JSONValue = ["ports": [["port": 80]]]
                if let clusterIP { spec["clusterIP"] = .string(clusterIP) }
                return ["apiVersion": "v1", "kind": "Service", "metadata": ["name": .string(name)], "spec": spec]
            }
            #expect(try await client.post(path, service("headless", clusterIP: "None")).status == 201)
            #expect(try await client.post(path, service("a")).json["spec"]?["clusterIP"] == "10.0.0.2")
            let taken = try await client.post(path, service("b", clusterIP: "10.0.0.2"))
            #expect(taken.status == 422)
            #expect(taken.json["details"]?["causes"]?.arrayValue?.first?["message"]?.stringValue?.hasSuffix("provided IP is already allocated") == true)
            #expect(try await client.delete(path + "/a").status == 200)
            #expect(try await client.post(path, service("b")).json["spec"]?["clusterIP"] == "10.0.0.2")
        }
    }
}
