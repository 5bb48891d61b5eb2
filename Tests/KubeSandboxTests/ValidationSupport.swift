import KubeModel
import KubeSandbox
import Testing

/// One write the real API server refuses, with what it answers: the status code and the
/// (reason, field) of each cause.
struct Refusal: Sendable, CustomTestStringConvertible {
    var name: String
    var path: String
    var body: JSONValue
    var code = 422
    var causes: Set<String> = []

    var testDescription: String { name }

    /// `reason field` for each cause, as a set: the real server's order is not part of the contract.
    static func causes(_ response: APIResponse) -> Set<String> {
        Set((response.json["details"]?["causes"]?.arrayValue ?? []).map {
            "\($0["reason"]?.stringValue ?? "") \($0["field"]?.stringValue ?? "")"
        })
    }
}

extension SandboxClient {
    /// Posts the refusal's body and checks the answer is the real server's.
    func expectRefused(_ refusal: Refusal, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let response = try await post(refusal.path, refusal.body)
        #expect(response.status == refusal.code, "\(response.text)", sourceLocation: sourceLocation)
        #expect(Refusal.causes(response) == refusal.causes, "\(response.text)", sourceLocation: sourceLocation)
    }
}

/// Objects the validation tests start from, each valid as it is.
enum Valid {
    static let namespace = "/api/v1/namespaces/default"

    static func configMap(_ name: String, _ edit: (inout JSONValue) -> Void = { _ in }) -> JSONValue {
        var object: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": .string(name)], "data": ["k": "v"]]
        edit(&object)
        return object
    }

    static func secret(_ name: String, _ edit: (inout JSONValue) -> Void = { _ in }) -> JSONValue {
        var object: JSONValue = ["apiVersion": "v1", "kind": "Secret", "metadata": ["name": .string(name)], "data": ["k": "dg=="]]
        edit(&object)
        return object
    }

    static func service(_ name: String, _ edit: (inout JSONValue) -> Void = { _ in }) -> JSONValue {
        var object: JSONValue = ["apiVersion": "v1", "kind": "Service", "metadata": ["name": .string(name)],
                                 "spec": ["selector": ["app": .string(name)], "ports": [["port": 80]]]]
        edit(&object)
        return object
    }

    static func deployment(_ name: String, _ edit: (inout JSONValue) -> Void = { _ in }) -> JSONValue {
        var object = Fixtures.deployment(name)
        edit(&object)
        return object
    }

    static func pod(_ name: String, _ edit: (inout JSONValue) -> Void = { _ in }) -> JSONValue {
        var object: JSONValue = ["apiVersion": "v1", "kind": "Pod", "metadata": ["name": .string(name)],
                                 "spec": ["containers": [["name": "a", "image": "busybox"]]]]
        edit(&object)
        return object
    }
}
