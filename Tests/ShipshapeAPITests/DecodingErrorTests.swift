import KubeModel
import Testing
@testable import ShipshapeAPI

/// Bad Microservices must fail with the file, line, object and field, never crash or pass.
@Suite struct DecodingErrorTests {
    static let header = """
        apiVersion: shipshape.dev/v1alpha1
        kind: Microservice
        metadata:
          name: orders
          namespace: shop
        spec:
          image: registry.example.com/orders:1.0.0

        """

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let specLines: String
        let expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "port out of range", specLines: "  ports:\n  - {name: http, port: 8080}\n  - {name: grpc, port: 70000}\n",
             expected: ["o.yaml:10: Microservice shop/orders: spec.ports[1].port: must be 1-65535"]),
        Case(name: "unknown field with a hint", specLines: "  replica: 3\n",
             expected: ["o.yaml:8: Microservice shop/orders: spec.replica: unknown field (did you mean \"replicas\"?)"]),
        Case(name: "wrong type", specLines: "  replicas: two\n",
             expected: ["o.yaml:8: Microservice shop/orders: spec.replicas: must be an integer, not the string \"two\""]),
        Case(name: "duplicate port names", specLines: "  ports:\n  - {name: http, port: 80}\n  - {name: http, port: 81}\n",
             expected: ["o.yaml:10: Microservice shop/orders: spec.ports[1]: duplicate name \"http\", first used at spec.ports[0]"]),
        Case(name: "probe names an undeclared port",
             specLines: "  ports: [{name: http, port: 80}]\n  probes:\n    readiness:\n      http: {port: web}\n",
             expected: ["o.yaml:11: Microservice shop/orders: spec.probes.readiness.http.port: \"web\" is not a declared port (declared: http)"]),
        Case(name: "metrics port not declared",
             specLines: "  ports: [{name: http, port: 80}]\n  observability:\n    metrics: {port: metrics}\n",
             expected: ["o.yaml:10: Microservice shop/orders: spec.observability.metrics.port: \"metrics\" is not a declared port (declared: http)"]),
        Case(name: "autoscaling bounds (CEL rule mirrored)", specLines: "  autoscaling: {minReplicas: 5, maxReplicas: 3}\n",
             expected: ["o.yaml:8: Microservice shop/orders: spec.autoscaling.maxReplicas: maxReplicas must be at least minReplicas"]),
        Case(name: "mixed secret forms", specLines: "  secrets:\n  - {env: TOKEN, envFrom: api-keys}\n",
             expected: ["o.yaml:9: Microservice shop/orders: spec.secrets[0]: use exactly one form: {env, secret, key}, {envFrom} or {mountPath, secret}"]),
        Case(name: "two probe handlers", specLines: "  probes:\n    liveness: {tcp: {port: 80}, exec: {command: [true]}}\n",
             expected: ["o.yaml:9: Microservice shop/orders: spec.probes.liveness.exec.command[0]: must be a string, not true"]),
        Case(name: "grace shorter than preStop", specLines: "  shutdown: {gracePeriodSeconds: 5, preStopSleepSeconds: 10}\n",
             expected: ["o.yaml:8: Microservice shop/orders: spec.shutdown.gracePeriodSeconds: gracePeriodSeconds must be longer than preStopSleepSeconds"]),
        Case(name: "bad quantity", specLines: "  resources:\n    requests: {cpu: lots}\n",
             expected: ["o.yaml:9: Microservice shop/orders: spec.resources.requests.cpu: \"lots\" is not a quantity such as 100m, 128Mi or 2"]),
        Case(name: "limit below request", specLines: "  resources:\n    requests: {memory: 1Gi}\n    limits: {memory: 512Mi}\n",
             expected: ["o.yaml:10: Microservice shop/orders: spec.resources.limits.memory: limits.memory must not be below requests.memory"]),
        Case(name: "bad cidr", specLines: "  dependsOn:\n  - {cidr: 10.0.0.0/33}\n",
             expected: ["o.yaml:9: Microservice shop/orders: spec.dependsOn[0].cidr: \"10.0.0.0/33\" is not a CIDR such as 10.0.0.0/16"]),
        Case(name: "env variable set twice",
             specLines: "  env: [{name: DB, value: x}]\n  secrets:\n  - {env: DB, secret: db, key: url}\n",
             expected: ["o.yaml:10: Microservice shop/orders: spec.secrets[0].env: DB is also set at spec.env[0]"]),
        Case(name: "exemption without reason", specLines: "  checklist:\n    exemptions: [{rule: image-pinned}]\n",
             expected: ["o.yaml:9: Microservice shop/orders: spec.checklist.exemptions[0].reason: is required"]),
        Case(name: "enum", specLines: "  checklist: {mode: strict}\n",
             expected: ["o.yaml:8: Microservice shop/orders: spec.checklist.mode: must be one of enforce, warn, not \"strict\""]),
    ]

    @Test(arguments: cases)
    func badSpecsAreNamedPrecisely(_ testCase: Case) throws {
        let text = Self.header + testCase.specLines
        let objects = try SourceReader.objects(in: text, file: "o.yaml")
        let object = try #require(objects.first)
        do {
            let microservice = try MicroserviceReader.read(object)
            Issue.record("accepted \(microservice.key)")
        } catch {
            #expect(error.description.split(separator: "\n").map(String.init) == testCase.expected)
        }
    }

    @Test func envelopeProblemsAreReported() throws {
        let text = "apiVersion: shipshape.dev/v1alpha1\nkind: Microservice\nmetadata:\n  name: Bad_Name\n  colour: red\nsurprise: 1\n"
        let object = try #require(try SourceReader.objects(in: text, file: "e.yaml").first)
        do {
            _ = try MicroserviceReader.read(object)
            Issue.record("accepted")
        } catch {
            let lines = error.description.split(separator: "\n").map(String.init)
            #expect(lines.contains("e.yaml:6: Microservice default/Bad_Name: surprise: unknown field"))
            #expect(lines.contains("e.yaml:5: Microservice default/Bad_Name: metadata.colour: unknown field"))
            #expect(lines.contains { $0.hasPrefix("e.yaml:4: Microservice default/Bad_Name: metadata.name: \"Bad_Name\" is not a DNS-1035 label") })
            #expect(lines.contains("e.yaml:1: Microservice default/Bad_Name: spec: is required"))
        }
    }

    @Test func otherVersionsAreRefused() throws {
        let text = "apiVersion: shipshape.dev/v2\nkind: Microservice\nmetadata: {name: a}\nspec: {image: a:1}\n"
        let object = try #require(try SourceReader.objects(in: text, file: "v.yaml").first)
        #expect(throws: MicroserviceError.self) { try MicroserviceReader.read(object) }
    }

    @Test func explicitNullsAreLikeAbsentFields() throws {
        let text = Self.header + "  replicas: null\n  ports: ~\n"
        let object = try #require(try SourceReader.objects(in: text, file: "n.yaml").first)
        let microservice = try MicroserviceReader.read(object)
        #expect(microservice.spec.replicas == nil)
        #expect(microservice.spec.ports == nil)
    }
}
