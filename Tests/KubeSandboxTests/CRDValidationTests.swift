import Foundation
import KubeModel
import KubeSandbox
import Testing

/// CRD validation against what a real kube-apiserver answered (the recorded kube-replay cases).
@Suite struct CRDValidationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The recorded cases by seq.
    static let recorded: [Int: JSONValue] = {
        let path = root.appendingPathComponent("../shared/kube-replay/cases.jsonl").standardized.path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [:] }
        var cases: [Int: JSONValue] = [:]
        for line in text.split(separator: "\n") {
            guard let value = try? JSONValue(parsingJSON: String(line)), let seq = value["seq"]?.intValue else { continue }
            cases[seq] = value
        }
        return cases
    }()

    /// Cases whose errors come from compiling CEL (`CRDRuleCompiler`, not connected yet).
    static let awaitingCEL: Set<Int> = [289, 290, 291, 292, 293]

    /// What the comparison looks at in a Status: code, reason, details and the set of causes.
    static func summary(_ status: Int, _ body: JSONValue) -> String {
        guard body["kind"] == "Status" else { return "\(status)" }
        let details = body["details"]
        let causes = (details?["causes"]?.arrayValue ?? [])
            .map { "\($0["reason"]?.stringValue ?? "") \($0["field"]?.stringValue ?? "")" }.sorted()
        return "\(status) \(body["reason"]?.stringValue ?? "") \(details?["name"]?.stringValue ?? "") "
            + "\(details?["group"]?.stringValue ?? "") \(details?["kind"]?.stringValue ?? "") \(causes)"
    }

    /// Sends a recorded request as it was sent.
    static func replay(_ seq: Int, _ client: SandboxClient) async throws -> (expected: String, actual: String, body: JSONValue) {
        let recorded = try #require(recorded[seq], "case \(seq) is expected in ../shared/kube-replay/cases.jsonl")
        let request = try #require(recorded["request"])
        let path = request["path"]?.stringValue ?? ""
        let response = switch request["method"]?.stringValue {
        case "POST": try await client.post(path, request["body"] ?? .null)
        case "DELETE": try await client.delete(path)
        default: try await client.get(path)
        }
        let real = recorded["real"]
        return (summary(real?["status"]?.intValue ?? 0, real?["body"] ?? .null), summary(response.status, response.json), response.json)
    }

    @Test func invalidCRDsAreRejectedWithTheRealServersCauses() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            for seq in [276, 277, 278, 279, 280] + Array(287...322) where !Self.awaitingCEL.contains(seq) {
                let result = try await Self.replay(seq, client)
                #expect(result.actual == result.expected, "case \(seq): \(result.body["message"]?.stringValue ?? "")")
            }
        }
    }

    @Test func theProjectsCRDIsAccepted() async throws {
        let path = Self.root.appendingPathComponent("CRDs/microservices.shipshape.dev.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let crd = try #require(try SourceReader.objects(in: text, file: path).first?.value)
        try await KubeSandbox.withRunning { sandbox in
            let response = try await SandboxClient(sandbox).post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd)
            #expect(response.status == 201, "\(response.json["message"]?.stringValue ?? "")")
        }
    }

    @Test func aCreatedCRDIsDefaultedAndEstablished() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            _ = try await Self.replay(280, client)
            let crd = try await client.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.fid.example.com").json
            let real = try #require(Self.recorded[283]?["real"]?["body"])
            #expect(crd["spec"] == real["spec"])
            #expect(crd["spec"]?["conversion"] == ["strategy": "None"])
            let conditions = { (crd: JSONValue) in
                Set((crd["status"]?["conditions"]?.arrayValue ?? []).map { condition in
                    ["type", "status", "reason", "message"].map { condition[$0]?.stringValue ?? "" }.joined(separator: " ")
                })
            }
            #expect(conditions(crd) == conditions(real))
            #expect(crd["status"]?["acceptedNames"] == real["status"]?["acceptedNames"])
            #expect(crd["status"]?["storedVersions"] == ["v1"])
        }
    }

    @Test func aCRDsScaleSubresourceIsDiscoveredReadAndPatched() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            _ = try await Self.replay(280, client)
            let discovery = try await client.get("/apis/fid.example.com/v1").json
            let real = try #require(Self.recorded[285]?["real"]?["body"])
            let entries = { (list: JSONValue) in
                (list["resources"]?.arrayValue ?? []).map { entry in
                    ["name", "kind", "group", "version"].map { entry[$0]?.stringValue ?? "" }.joined(separator: " ")
                }
            }
            #expect(entries(discovery) == entries(real))

            let path = "/apis/fid.example.com/v1/namespaces/default/widgets/w1"
            let widget: JSONValue = ["apiVersion": "fid.example.com/v1", "kind": "Widget", "metadata": ["name": "w1"], "spec": ["mode": "safe", "replicas": 3]]
            #expect(try await client.post("/apis/fid.example.com/v1/namespaces/default/widgets", widget).status == 201)
            var withStatus = try await client.get(path).json
            withStatus["status"] = ["replicas": 3]
            #expect(try await client.put(path + "/status", withStatus).status == 200)
            let shape = { (scale: JSONValue) in
                "\(scale["kind"] ?? .null) \(scale["apiVersion"] ?? .null) \(scale["spec"] ?? .null) \(scale["status"] ?? .null)"
            }
            let scale = try await client.get(path + "/scale")
            #expect(scale.status == 200)
            #expect(shape(scale.json) == shape(try #require(Self.recorded[357]?["real"]?["body"])))
            #expect(scale.json["metadata"]?["name"] == "w1")
            let patched = try await client.mergePatch(path + "/scale", ["spec": ["replicas": 4]])
            #expect(patched.status == 200)
            #expect(shape(patched.json) == shape(try #require(Self.recorded[358]?["real"]?["body"])))
            let after = try await client.get(path).json
            #expect(after["spec"]?["replicas"] == 4)
            #expect(after["metadata"]?["generation"] == 2)
            #expect(try await client.mergePatch(path + "/scale", ["spec": ["replicas": -1]]).status == 422)
        }
    }

    @Test func aCRDUpdateServesNewVersionsKeepsItsScopeAndDeleteTakesItsObjects() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let crdPath = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.fid.example.com"
            _ = try await Self.replay(280, client)
            let widget: JSONValue = ["apiVersion": "fid.example.com/v1", "kind": "Widget", "metadata": ["name": "w1"], "spec": ["mode": "safe"]]
            #expect(try await client.post("/apis/fid.example.com/v1/namespaces/default/widgets", widget).status == 201)
            for seq in [375, 377] {
                var body = try #require(Self.recorded[seq]?["request"]?["body"])
                for key in ["uid", "resourceVersion", "creationTimestamp"] { body["metadata"]?[key] = nil }
                let response = try await client.put(crdPath, body)
                let real = Self.recorded[seq]?["real"]
                #expect(Self.summary(response.status, response.json) == Self.summary(real?["status"]?.intValue ?? 0, real?["body"] ?? .null),
                        "case \(seq): \(response.json["message"]?.stringValue ?? "")")
            }
            let crd = try await client.get(crdPath).json
            #expect(crd["metadata"]?["generation"] == 2)
            #expect(crd["spec"]?["scope"] == "Namespaced")
            #expect(crd["status"]?["storedVersions"] == ["v1"])
            let second = try await client.get("/apis/fid.example.com/v2/namespaces/default/widgets/w1")
            #expect(second.status == 200)
            #expect(second.json["apiVersion"] == "fid.example.com/v2")
            #expect(second.headers["Warning"] == ["299 - \"fid v2 is deprecated\""])

            let deleted = try await client.delete(crdPath)
            #expect(deleted.status == 200)
            #expect(deleted.json["kind"] == "CustomResourceDefinition")
            #expect(deleted.json["metadata"]?["finalizers"] == ["customresourcecleanup.apiextensions.k8s.io"])
            #expect(deleted.json["metadata"]?["deletionTimestamp"] != nil)
            #expect(try await client.get(crdPath).status == 404)
            #expect(try await client.get("/apis/fid.example.com/v1/namespaces/default/widgets").status == 404)
            #expect(try await client.get("/apis/fid.example.com/v1").status == 404)
            _ = try await Self.replay(280, client)
            let list = try await client.get("/apis/fid.example.com/v1/namespaces/default/widgets").json
            #expect(list["items"] == [], "the CRD's objects went with it")
        }
    }
}
