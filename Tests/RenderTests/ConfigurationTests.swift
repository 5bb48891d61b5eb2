import KubeModel
import ShipshapeAPI
import Testing
@testable import Render

@Suite struct ConfigurationTests {
    private let billing = Sample.microservice("billing") {
        $0.env = [ShipshapeAPI.EnvVar(name: "CURRENCY", value: "EUR")]
        $0.configFrom = [ConfigSource(configMap: "billing-config"), ConfigSource(configMap: "billing-rules", mountPath: "/etc/rules")]
        $0.secrets = [
            SecretReference(env: "DATABASE_URL", secret: "billing-db", key: "url"),
            SecretReference(envFrom: "billing-smtp"),
            SecretReference(secret: "billing-tls", mountPath: "/var/run/tls"),
        ]
        $0.imagePullSecrets = ["registry-credentials"]
    }

    private func hash(_ versions: [String: String]) throws -> String? {
        let output = Renderer(referenceVersions: versions).render([billing])
        return try Sample.object(Deployment.self, of: "shop/billing", in: output)
            .spec.template.metadata?.annotations?["shipshape.dev/config-hash"]
    }

    @Test func configHashFollowsReferencedVersionsOnly() throws {
        let base = ["Secret/shop/billing-db": "10", "Secret/shop/billing-smtp": "11", "Secret/shop/billing-tls": "12",
                    "ConfigMap/shop/billing-config": "13", "ConfigMap/shop/billing-rules": "14"]
        let original = try #require(try hash(base))
        #expect(original.count == 16)
        for key in base.keys.sorted() {
            var rotated = base
            rotated[key] = "99"
            #expect(try hash(rotated) != original, "rotating \(key)")
        }
        var unrelated = base
        unrelated["Secret/shop/someone-else"] = "1"
        unrelated["Secret/other/billing-db"] = "2"
        unrelated["Secret/shop/registry-credentials"] = "3"
        #expect(try hash(unrelated) == original)
        #expect(try hash([:]) == nil)
    }

    @Test func fnv1a64MatchesTheReferenceVectors() {
        #expect(ConfigHash.fnv1a64("") == "cbf29ce484222325")
        #expect(ConfigHash.fnv1a64("a") == "af63dc4c8601ec8c")
        #expect(ConfigHash.fnv1a64("foobar") == "85944171f73967e8")
    }

    @Test func referencesBecomeEnvSourcesAndReadOnlyMounts() throws {
        let output = Renderer().render([billing])
        let pod = try #require(try Sample.object(Deployment.self, of: "shop/billing", in: output).spec.template.spec)
        let container = try #require(pod.containers.first)
        #expect(container.envFrom == [
            EnvFromSource(configMapRef: ConfigMapEnvSource(name: "billing-config")),
            EnvFromSource(secretRef: SecretEnvSource(name: "billing-smtp")),
        ])
        #expect(container.env == [
            KubeModel.EnvVar(name: "CURRENCY", value: "EUR"),
            KubeModel.EnvVar(name: "DATABASE_URL", valueFrom: EnvVarSource(secretKeyRef: SecretKeySelector(name: "billing-db", key: "url"))),
        ])
        #expect(pod.volumes?.dropFirst() == [
            Volume(name: "config-billing-rules", configMap: ConfigMapVolumeSource(name: "billing-rules")),
            Volume(name: "secret-billing-tls", secret: SecretVolumeSource(secretName: "billing-tls", defaultMode: 0o400)),
        ])
        #expect(container.volumeMounts?.dropFirst() == [
            VolumeMount(name: "config-billing-rules", readOnly: true, mountPath: "/etc/rules"),
            VolumeMount(name: "secret-billing-tls", readOnly: true, mountPath: "/var/run/tls"),
        ])
        #expect(pod.imagePullSecrets == [LocalObjectReference(name: "registry-credentials")])
    }

    @Test func optionalReferencesStayOptional() throws {
        var optionalSecret = SecretReference(envFrom: "maybe")
        optionalSecret.optional = true
        var optionalConfig = ConfigSource(configMap: "maybe-config")
        optionalConfig.optional = true
        let output = Renderer().render([Sample.microservice("api") {
            $0.secrets = [optionalSecret]
            $0.configFrom = [optionalConfig]
        }])
        let container = try Sample.container(of: "shop/api", in: output)
        #expect(container.envFrom?.map { $0.secretRef?.optional ?? $0.configMapRef?.optional } == [true, true])
    }

    @Test func volumeNamesAreValidAndUnique() throws {
        let long = String(repeating: "a", count: 60) + ".example"
        let output = Renderer().render([Sample.microservice("api") {
            $0.secrets = [SecretReference(secret: "tls", mountPath: "/a"), SecretReference(secret: "tls", mountPath: "/b"),
                          SecretReference(secret: long, mountPath: "/c")]
        }])
        let names = try #require(try Sample.object(Deployment.self, of: "shop/api", in: output).spec.template.spec?.volumes?.map(\.name))
        #expect(names.prefix(3) == ["tmp", "secret-tls", "secret-tls-2"])
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { $0.count <= 63 && !$0.contains(".") })
    }

    /// Every literal a `secrets` entry holds is a name, a key or a path: it may only appear in
    /// the output in a field that holds such a reference, never as a value.
    @Test func secretReferencesNeverBecomeValues() throws {
        let output = Renderer().render([billing])
        let literals: Set<String> = ["DATABASE_URL", "billing-db", "url", "billing-smtp", "billing-tls", "/var/run/tls"]
        let referenceFields: Set<String> = ["name", "key", "secretName", "mountPath"]
        var seen: [(field: String, value: String)] = []
        func walk(_ value: JSONValue, field: String) {
            switch value {
            case .object(let object): for (key, member) in object { walk(member, field: key) }
            case .array(let array): for element in array { walk(element, field: field) }
            case .string(let string) where literals.contains(string): seen.append((field, string))
            default: break
            }
        }
        for object in output.objects { walk(object.value, field: "") }
        #expect(Set(seen.map(\.value)) == literals)
        #expect(seen.allSatisfy { referenceFields.contains($0.field) }, "\(seen.filter { !referenceFields.contains($0.field) })")
        #expect(!output.objects.contains { $0.kind == "Secret" })
    }
}
