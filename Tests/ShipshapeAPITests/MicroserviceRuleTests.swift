import CEL
import KubeModel
import Testing
@testable import ShipshapeAPI

/// The Microservice CRD's CEL rules, as the API server compiles them and as local validation
/// evaluates them (both through the CEL module).
@Suite struct MicroserviceRuleTests {
    @Test func everyRuleOfTheCRDCompilesWithinBudget() throws {
        let crd = try CustomResourceDefinition.microservices()
        let schema = try #require(crd[FieldPath(parsing: "spec.versions[0].schema.openAPIV3Schema")])
        #expect(CELSchemaCheck.issues(openAPIV3Schema: schema, at: "spec.validation.openAPIV3Schema").map(\.description) == [])
    }

    @Test func everyCrossFieldRuleCompiles() {
        var rules: [CrossFieldRule] = [Microservice.nameRule] + StringFormat.allCases.flatMap(\.rules)
        func walk(_ schema: Schema) {
            rules += schema.rules
            schema.properties.forEach { walk($0.schema) }
            schema.items.map(walk)
            schema.values.map(walk)
        }
        walk(Microservice.specSchema)
        walk(Microservice.statusSchema)
        #expect(rules.count > 10)
        for rule in rules { #expect(rule.program != nil, "\(rule.cel)") }
    }

    static func issues(_ spec: JSONValue) -> [String] {
        TypedSchemaValidator.validate(spec, against: Microservice.specSchema, at: FieldPath.root.key("spec")).map(\.description)
    }

    static let valid: JSONValue = [
        "image": "registry.example.com/shop/order-service:1.8.2",
        "ports": [["name": "http", "port": 8080]],
        "resources": ["requests": ["cpu": "100m", "memory": "128Mi"], "limits": ["cpu": 1, "memory": "256Mi"]],
        "autoscaling": ["minReplicas": 2, "maxReplicas": 10],
        "dependsOn": [["service": "catalog", "port": "http"], ["cidr": "10.20.0.0/16", "ports": [5432]]],
        "secrets": [["env": "DATABASE_URL", "secret": "order-db", "key": "url"], ["envFrom": "keys"], ["mountPath": "/tls", "secret": "tls"]],
        "probes": ["liveness": ["http": ["path": "/healthz", "port": "http"]]],
    ]

    @Test func aValidSpecPassesEveryRule() {
        #expect(Self.issues(Self.valid) == [])
    }

    @Test(arguments: [
        ("autoscaling", ["minReplicas": 5, "maxReplicas": 3] as JSONValue, "spec.autoscaling.maxReplicas: maxReplicas must be at least minReplicas"),
        ("autoscaling", ["maxReplicas": 1] as JSONValue, "spec.autoscaling.maxReplicas: maxReplicas must be at least minReplicas"),
        ("resources", ["requests": ["cpu": "2"], "limits": ["cpu": "1500m"]] as JSONValue, "spec.resources.limits.cpu: limits.cpu must not be below requests.cpu"),
        ("resources", ["requests": ["memory": "1Gi"], "limits": ["memory": "512Mi"]] as JSONValue, "spec.resources.limits.memory: limits.memory must not be below requests.memory"),
        ("dependsOn", [["cidr": "not-a-cidr", "ports": [443]]] as JSONValue, "spec.dependsOn[0].cidr: \"not-a-cidr\" is not a CIDR such as 10.0.0.0/16"),
        ("dependsOn", [["service": "a", "cidr": "10.0.0.0/8"]] as JSONValue, "spec.dependsOn[0]: set exactly one of service or cidr"),
        ("dependsOn", [["service": "a", "ports": [80]]] as JSONValue, "spec.dependsOn[0]: ports goes with cidr; a service takes port"),
        ("ports", [["name": "a--b", "port": 80]] as JSONValue, "spec.ports[0].name: \"a--b\" is not a port name (lowercase letters, digits and '-', at most 15, with a letter)"),
        ("secrets", [["env": "X", "secret": "s"]] as JSONValue, "spec.secrets[0]: use exactly one form: {env, secret, key}, {envFrom} or {mountPath, secret}"),
        ("probes", ["liveness": ["http": ["path": "/", "port": "http"], "tcp": ["port": "http"]]] as JSONValue, "spec.probes.liveness: set exactly one of http, grpc, tcp or exec"),
    ])
    func aBrokenRuleIsReported(field: String, value: JSONValue, expected: String) {
        var spec = Self.valid
        spec[field] = value
        #expect(Self.issues(spec) == [expected])
    }

    @Test func theNameRuleIsTheCRDsRootRule() throws {
        let program = try CELProgram.compile(Microservice.nameRule.cel, selfSchema: nil)
        #expect(try program.evaluate(self: ["metadata": ["name": "order-service"]]) == .bool(true))
        #expect(try program.evaluate(self: ["metadata": ["name": "order.service"]]) == .bool(false))
        #expect(Microservice.nameRule.holds(["metadata": ["name": "9lives"]]) == false)
    }
}
