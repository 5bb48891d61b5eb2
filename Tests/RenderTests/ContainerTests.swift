import KubeModel
import ShipshapeAPI
import Testing
@testable import Render

@Suite struct ContainerTests {
    @Test func probesMapFromTheShortForm() throws {
        let output = Renderer().render([Sample.microservice("api") {
            $0.ports = [ShipshapeAPI.ServicePort(name: "http", port: 8080), ShipshapeAPI.ServicePort(name: "grpc", port: 50051, protocol: .grpc)]
            var startup = ShipshapeAPI.Probe(tcp: TCPCheck(port: .string("http")))
            startup.failureThreshold = 60
            startup.periodSeconds = 2
            $0.probes = Probes(liveness: ShipshapeAPI.Probe(http: HTTPCheck(port: .string("http"))),
                               readiness: ShipshapeAPI.Probe(grpc: GRPCCheck(port: .string("grpc"), service: "api.v1")),
                               startup: startup)
        }])
        #expect(output.warnings.isEmpty)
        let container = try Sample.container(of: "shop/api", in: output)
        let liveness = try #require(container.livenessProbe)
        #expect(liveness.httpGet == HTTPGetAction(path: Defaults.probePath, port: .string("http")))
        #expect([liveness.timeoutSeconds, liveness.periodSeconds, liveness.failureThreshold] == [3, 10, 3])
        let readiness = try #require(container.readinessProbe)
        #expect(readiness.grpc == GRPCAction(port: 50051, service: "api.v1"))
        #expect([readiness.timeoutSeconds, readiness.periodSeconds, readiness.failureThreshold] == [2, 5, 3])
        let startupProbe = try #require(container.startupProbe)
        #expect(startupProbe.tcpSocket == TCPSocketAction(port: .string("http")))
        #expect([startupProbe.periodSeconds, startupProbe.failureThreshold] == [2, 60])
    }

    @Test func aGRPCProbeOnAnUndeclaredPortIsLeftOutWithAWarning() throws {
        let output = Renderer().render([Sample.microservice("api") {
            $0.probes = Probes(readiness: ShipshapeAPI.Probe(grpc: GRPCCheck(port: .string("grpc"))))
        }])
        #expect(try Sample.container(of: "shop/api", in: output).readinessProbe == nil)
        #expect(output.warnings.map(\.path.description) == ["spec.probes.readiness.grpc.port"])
    }

    @Test func tracingSetsTheOpenTelemetryVariablesUnlessAlreadySet() throws {
        let output = Renderer().render([Sample.microservice("api") {
            $0.env = [ShipshapeAPI.EnvVar(name: "OTEL_SERVICE_NAME", value: "storefront-api")]
            $0.observability = Observability(tracing: Tracing(endpoint: "http://collector.observability:4317"))
        }])
        let env = try #require(try Sample.container(of: "shop/api", in: output).env)
        #expect(env.map(\.name) == ["OTEL_SERVICE_NAME", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_TRACES_SAMPLER",
                                    "OTEL_TRACES_SAMPLER_ARG", "OTEL_RESOURCE_ATTRIBUTES"])
        #expect(env.map(\.value) == ["storefront-api", "http://collector.observability:4317", "parentbased_traceidratio",
                                     String(Defaults.sampleRatio), "k8s.namespace.name=shop,service.version=1.0.0"])
    }

    @Test func metricsBecomeScrapeAnnotations() throws {
        let output = Renderer().render([Sample.microservice("api") {
            $0.ports = [ShipshapeAPI.ServicePort(name: "http", port: 8080), ShipshapeAPI.ServicePort(name: "metrics", port: 9102)]
            $0.observability = Observability(metrics: MetricsEndpoint(port: "metrics"))
        }])
        let annotations = try Sample.object(Deployment.self, of: "shop/api", in: output).spec.template.metadata?.annotations
        #expect(annotations == ["prometheus.io/scrape": "true", "prometheus.io/port": "9102", "prometheus.io/path": Defaults.metricsPath])
    }

    @Test func servicePortsAreNamedWithTheirProtocol() throws {
        let output = Renderer().render([Sample.microservice("api") {
            $0.ports = [ShipshapeAPI.ServicePort(name: "http", port: 8080), ShipshapeAPI.ServicePort(name: "grpc", port: 50051, protocol: .grpc),
                        ShipshapeAPI.ServicePort(name: "raw", port: 7000, protocol: .tcp)]
        }])
        let service = try Sample.object(Service.self, of: "shop/api", in: output)
        #expect(service.spec.type == "ClusterIP")
        #expect(service.spec.ports?.map(\.appProtocol) == ["http", "kubernetes.io/h2c", nil])
        #expect(service.spec.ports?.map(\.targetPort) == [.string("http"), .string("grpc"), .string("raw")])
        let noPorts = Renderer().render([Sample.microservice("worker") { $0.ports = nil }])
        #expect(!Sample.kinds(of: "shop/worker", in: noPorts).contains("Service"))
    }

    @Test func ownerReferencesOnlyWhenTheUIDIsKnown() {
        let microservices = [Sample.microservice("api"), Sample.microservice("web")]
        let output = Renderer(ownerUIDs: ["shop/api": "1234"]).render(microservices)
        let expected: JSONValue = [[
            "apiVersion": "shipshape.dev/v1alpha1", "kind": "Microservice", "name": "api", "uid": "1234",
            "controller": true, "blockOwnerDeletion": true,
        ]]
        for object in output.objects {
            let wanted = object.owner == "shop/api" ? Optional(expected) : JSONValue?.none
            #expect(object.value["metadata"]?["ownerReferences"] == wanted, "\(object.owner) \(object.kind)")
        }
    }

    @Test func serviceAccountFollowsTheSpec() throws {
        let output = Renderer().render([
            Sample.microservice("own"),
            Sample.microservice("named") { $0.serviceAccount = ServiceAccountSpec(name: "shared", automountToken: true) },
            Sample.microservice("existing") { $0.serviceAccount = ServiceAccountSpec(create: false, name: "legacy") },
            Sample.microservice("default") { $0.serviceAccount = ServiceAccountSpec(create: false) },
        ])
        let account = try Sample.object(ServiceAccount.self, of: "shop/named", in: output)
        #expect(account.metadata.name == "shared" && account.automountServiceAccountToken == true)
        #expect(try Sample.object(ServiceAccount.self, of: "shop/own", in: output).automountServiceAccountToken == false)
        #expect(!Sample.kinds(of: "shop/existing", in: output).contains("ServiceAccount"))
        let pods = try ["own", "named", "existing", "default"].map {
            try Sample.object(Deployment.self, of: "shop/\($0)", in: output).spec.template.spec
        }
        #expect(pods.map { $0?.serviceAccountName } == ["own", "shared", "legacy", nil])
        #expect(pods.map { $0?.automountServiceAccountToken } == [false, true, false, false])
    }
}
