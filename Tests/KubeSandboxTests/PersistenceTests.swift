import Foundation
import KubeModel
import KubeSandbox
import Testing

/// A sandbox started on the data directory of one that stopped goes on where it stopped: every
/// object (custom resources served again from their stored CRDs), field ownership, the admin
/// token and issued ServiceAccount tokens, the revision counter and the kept event history.
@Suite struct PersistenceTests {
    static func options(_ directory: String, historyLimit: Int = 10_000) -> SandboxOptions {
        var options = SandboxOptions(historyLimit: historyLimit, controllers: false)
        options.dataDirectory = directory
        return options
    }

    static func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-persistence-\(UUID().uuidString)").path
    }

    static let crd: JSONValue = [
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition", "metadata": ["name": "widgets.persist.example.com"],
        "spec": [
            "group": "persist.example.com", "scope": "Namespaced",
            "names": ["plural": "widgets", "singular": "widget", "kind": "Widget"],
            "versions": [["name": "v1", "served": true, "storage": true,
                          "schema": ["openAPIV3Schema": ["type": "object", "x-kubernetes-preserve-unknown-fields": true]]]],
        ],
    ]

    static let configMapYAML = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  key: value\n"
    static let configMaps = "/api/v1/namespaces/default/configmaps"

    @Test func aRestartServesEveryObjectAndKeepsTokensOwnershipAndRevisions() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (adminToken, serviceAccountToken, applied, before) = try await KubeSandbox.withRunning(Self.options(directory)) { sandbox in
            let client = SandboxClient(sandbox)
            #expect(try await client.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Self.crd).status == 201)
            #expect(try await client.post("/apis/persist.example.com/v1/namespaces/default/widgets",
                                          ["apiVersion": "persist.example.com/v1", "kind": "Widget", "metadata": ["name": "w1"]]).status == 201)
            #expect(try await client.post("/api/v1/namespaces/default/serviceaccounts",
                                          ["apiVersion": "v1", "kind": "ServiceAccount", "metadata": ["name": "robot"]]).status == 201)
            let issued = try await client.post("/api/v1/namespaces/default/serviceaccounts/robot/token",
                                               ["apiVersion": "authentication.k8s.io/v1", "kind": "TokenRequest", "spec": ["expirationSeconds": 600]])
            let applied = try await client.apply("\(Self.configMaps)/applied?fieldManager=first", yaml: Self.configMapYAML)
            #expect(applied.status == 201)
            return (sandbox.adminToken, issued.json["status"]?["token"]?.stringValue ?? "", applied.json, await sandbox.resourceVersion())
        }

        try await KubeSandbox.withRunning(Self.options(directory)) { sandbox in
            #expect(sandbox.adminToken == adminToken)
            #expect(await sandbox.resourceVersion() == before)
            let client = SandboxClient(sandbox)
            #expect(try await client.get("/apis/persist.example.com/v1/namespaces/default/widgets/w1").status == 200)
            let discovery = try await client.get("/apis/persist.example.com/v1")
            #expect(discovery.json["resources"]?.arrayValue?.compactMap { $0["name"]?.stringValue }.contains("widgets") == true)

            let robot = SandboxClient(sandbox, headers: [("Authorization", "Bearer " + serviceAccountToken)], admin: false)
            let whoami = try await robot.post("/apis/authentication.k8s.io/v1/selfsubjectreviews",
                                              ["apiVersion": "authentication.k8s.io/v1", "kind": "SelfSubjectReview"])
            #expect(whoami.json["status"]?["userInfo"]?["username"] == "system:serviceaccount:default:robot")

            // The same apply is a no-op; another manager's change of the field still conflicts.
            let again = try await client.apply("\(Self.configMaps)/applied?fieldManager=first", yaml: Self.configMapYAML)
            #expect(again.json["metadata"]?["resourceVersion"] == applied["metadata"]?["resourceVersion"])
            #expect(again.json["metadata"]?["managedFields"] == applied["metadata"]?["managedFields"])
            let other = try await client.apply("\(Self.configMaps)/applied?fieldManager=second", yaml: Self.configMapYAML.replacingOccurrences(of: "value", with: "other"))
            #expect(other.status == 409)

            let created = try await client.post(Self.configMaps, Fixtures.configMap("after"))
            #expect(Int(created.json["metadata"]?["resourceVersion"]?.stringValue ?? "") == before + 1)
        }
    }

    @Test func aWatchResumesFromTheKeptHistoryAndOlderIsExpired() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let versions = try await KubeSandbox.withRunning(Self.options(directory, historyLimit: 4)) { sandbox in
            var versions: [Int] = []
            for index in 0..<8 {
                let created = try await SandboxClient(sandbox).post(Self.configMaps, Fixtures.configMap("c\(index)"))
                versions.append(Int(created.json["metadata"]?["resourceVersion"]?.stringValue ?? "") ?? -1)
            }
            return versions
        }
        try await KubeSandbox.withRunning(Self.options(directory, historyLimit: 4)) { sandbox in
            let client = SandboxClient(sandbox)
            var resumed = try await client.watch("\(Self.configMaps)?watch=true&resourceVersion=\(versions[5])")
            let events = try await resumed.next(2)
            #expect(events.map { $0["object"]?["metadata"]?["name"] } == ["c6", "c7"])
            #expect(events.map { $0["type"] } == ["ADDED", "ADDED"])

            var expired = try await client.watch("\(Self.configMaps)?watch=true&resourceVersion=\(versions[1])")
            let error = try #require(try await expired.next())
            #expect(error["type"] == "ERROR")
            #expect(error["object"]?["code"] == 410)
            #expect(error["object"]?["reason"] == "Expired")
        }
    }
}
