import KubeModel
import KubeSandbox
import Testing

/// ConfigMap and Secret rules, as the real server's (replay cases 70-71, 91-93, 111-116).
@Suite struct ConfigMapSecretValidationTests {
    static let configMaps = Valid.namespace + "/configmaps"
    static let secrets = Valid.namespace + "/secrets"

    static let refusals: [Refusal] = [
        Refusal(name: "config keys", path: configMaps, body: Valid.configMap("keys") { $0["data"] = ["bad key!": "v"] },
                causes: ["FieldValueInvalid data[bad key!]"]),
        Refusal(name: "a key in both data and binaryData", path: configMaps,
                body: Valid.configMap("dup") { $0["data"] = ["a": "x"]; $0["binaryData"] = ["a": "eA=="] },
                causes: ["FieldValueInvalid data[a]"]),
        Refusal(name: "binaryData that is not base64 does not decode", path: configMaps,
                body: Valid.configMap("bin") { $0["binaryData"] = ["a": "***"] }, code: 400),
        Refusal(name: "secret data that is not base64 does not decode", path: secrets,
                body: Valid.secret("b64") { $0["data"] = ["x": "***not base64***"] }, code: 400),
        Refusal(name: "secret keys", path: secrets, body: Valid.secret("keys") { $0["data"] = ["bad/key": "eA=="] },
                causes: ["FieldValueInvalid data[bad/key]"]),
        Refusal(name: "stringData keys are data keys", path: secrets, body: Valid.secret("keys") { $0["stringData"] = ["bad/key": "x"] },
                causes: ["FieldValueInvalid data[bad/key]"]),
        Refusal(name: "TLS secrets need a certificate and a key", path: secrets,
                body: Valid.secret("tls") { $0["type"] = "kubernetes.io/tls"; $0["data"] = ["a": "eA=="] },
                causes: ["FieldValueRequired data[tls.crt]", "FieldValueRequired data[tls.key]"]),
        Refusal(name: "docker config secrets hold JSON", path: secrets,
                body: Valid.secret("docker") { $0["type"] = "kubernetes.io/dockerconfigjson"; $0["data"] = [".dockerconfigjson": "bm90IGpzb24="] },
                causes: ["FieldValueInvalid data[.dockerconfigjson]"]),
        Refusal(name: "service account token secrets name their account", path: secrets,
                body: Valid.secret("token") { $0["type"] = "kubernetes.io/service-account-token"; $0["data"] = nil },
                causes: ["FieldValueRequired metadata.annotations[kubernetes.io/service-account.name]"]),
        Refusal(name: "contents at most 1 MiB", path: configMaps,
                body: Valid.configMap("big") { $0["data"] = ["k": .string(String(repeating: "x", count: 1_048_577))] },
                causes: ["FieldValueTooLong "]),
        Refusal(name: "secret contents at most 1 MiB", path: secrets,
                body: Valid.secret("big") { $0["stringData"] = ["k": .string(String(repeating: "x", count: 1_048_577))] },
                causes: ["FieldValueTooLong data"]),
        Refusal(name: "basic auth secrets hold a username or a password", path: secrets,
                body: Valid.secret("basic") { $0["type"] = "kubernetes.io/basic-auth" },
                causes: ["FieldValueRequired data[username]", "FieldValueRequired data[password]"]),
    ]

    @Test(arguments: refusals) func refused(_ refusal: Refusal) async throws {
        try await KubeSandbox.withRunning { sandbox in
            try await SandboxClient(sandbox).expectRefused(refusal)
        }
    }

    @Test func immutableConfigMapsKeepTheirData() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let frozen = Valid.configMap("imm") { $0["data"] = ["a": "1"]; $0["immutable"] = true }
            #expect(try await client.post(Self.configMaps, frozen).status == 201)

            var changed = frozen
            changed["data"] = ["a": "2"]
            let dataChange = try await client.put(Self.configMaps + "/imm", changed)
            #expect(dataChange.status == 422)
            #expect(Refusal.causes(dataChange) == ["FieldValueForbidden data"])

            var thawed = frozen
            thawed["immutable"] = false
            let flagChange = try await client.put(Self.configMaps + "/imm", thawed)
            #expect(Refusal.causes(flagChange) == ["FieldValueForbidden immutable"])

            var labelled = frozen
            labelled["metadata"]?["labels"] = ["still": "mutable"]
            #expect(try await client.put(Self.configMaps + "/imm", labelled).status == 200, "metadata stays mutable")
        }
    }

    @Test func secretTypesCannotChange() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let opaque = Valid.secret("s1") { $0["stringData"] = ["a": "b"] }
            #expect(try await client.post(Self.secrets, opaque).status == 201)
            let retyped = Valid.secret("s1") { $0["type"] = "kubernetes.io/basic-auth"; $0["data"] = ["username": "YQ=="] }
            let response = try await client.put(Self.secrets + "/s1", retyped)
            #expect(response.status == 422, "\(response.text)")
            #expect(Refusal.causes(response) == ["FieldValueInvalid type"])
            let tls = Valid.secret("tls") { $0["type"] = "kubernetes.io/tls"; $0["data"] = ["tls.crt": "eA==", "tls.key": "eA=="] }
            #expect(try await client.post(Self.secrets, tls).status == 201)
        }
    }
}
