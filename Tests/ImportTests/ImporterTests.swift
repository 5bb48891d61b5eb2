import Import
import KubeModel
import ShipshapeAPI
import Testing

/// What the importer makes of particular inputs of the corpus, and of bad input.
@Suite struct ImporterTests {
    private func service(_ name: String, in result: ImportResult) throws -> ImportedService {
        try #require(result.services.first { $0.microservice.name == name }, "\(name) was not imported: \(result.problems)")
    }

    @Test func secretLookingLiteralsBecomeReferencesWithATodoAndNeverAppear() throws {
        let boutique = try Corpus.importing("boutique")
        let frontend = try service("frontend", in: boutique)
        #expect(frontend.microservice.spec.secrets?.contains(SecretReference(env: "SESSION_SECRET", secret: "frontend-env", key: "SESSION_SECRET")) == true)
        #expect(frontend.microservice.spec.env?.contains { $0.name == "SESSION_SECRET" } == false)
        #expect(frontend.todos.count == 1 && frontend.todos[0].contains("create Secret frontend-env in namespace boutique"))
        #expect(frontend.document.contains("# TODO before applying:"))
        #expect(!frontend.document.contains("kp9Zr2fQx7LmW4sT"))

        let carts = try service("carts", in: try Corpus.importing("sockshop"))
        #expect(carts.todos.first?.contains("MONGO_URL") == true)
        #expect(!carts.document.contains("Tr0ub4dor") && !carts.diffText.contains("Tr0ub4dor"))
    }

    @Test func relatedObjectsAreMatchedBySelectorAndTargetNotByName() throws {
        let podinfo = try service("podinfo", in: try Corpus.importing("podinfo"))
        #expect(podinfo.related == ["Service demo/podinfo", "HorizontalPodAutoscaler demo/podinfo-scaler", "PodDisruptionBudget demo/podinfo"])
        let spec = podinfo.microservice.spec
        #expect(spec.autoscaling == Autoscaling(minReplicas: 2, maxReplicas: 4, cpuUtilization: 99))
        #expect(spec.replicas == nil)
        #expect(spec.availability?.maxUnavailable == .int(1) && spec.availability?.spreadAcrossZones == false)
        #expect(spec.observability?.metrics == MetricsEndpoint(port: "http-metrics"))
        #expect(podinfo.notExpressed.contains { $0.subject == "HorizontalPodAutoscaler demo/podinfo-scaler" && $0.message.contains("1 other metric") })

        let orders = try service("orders", in: try Corpus.importing("sockshop"))
        #expect(orders.related.contains("NetworkPolicy sock-shop/orders") && orders.related.contains("PodDisruptionBudget sock-shop/orders-budget"))
        #expect(orders.microservice.spec.availability?.minAvailable == .int(2))
        #expect(orders.microservice.spec.serviceAccount == ServiceAccountSpec(name: "orders-runner"))
    }

    @Test func portsAreNamedAndGivenAProtocol() throws {
        let boutique = try Corpus.importing("boutique")
        #expect(try service("frontend", in: boutique).microservice.spec.ports == [ServicePort(name: "http", port: 8080, protocol: .http)])
        #expect(try service("cartservice", in: boutique).microservice.spec.ports == [ServicePort(name: "grpc", port: 7070, protocol: .grpc)])
        #expect(try service("redis-cart", in: boutique).microservice.spec.ports == [ServicePort(name: "tcp-redis", port: 6379, protocol: .tcp)])
        let frontend = try service("frontend", in: boutique)
        #expect(frontend.notExpressed.contains { $0.subject == "Service boutique/frontend-external" && $0.message.contains("LoadBalancer") })
        #expect(frontend.notExpressed.contains { $0.subject == "Service boutique/frontend" && $0.message.contains("clients calling :80") })
    }

    @Test func callsToImportedServicesBecomeDependencies() throws {
        let boutique = try Corpus.importing("boutique")
        #expect(try service("frontend", in: boutique).microservice.spec.dependsOn
                == [Dependency(service: "productcatalogservice"), Dependency(service: "cartservice")])
        #expect(try service("cartservice", in: boutique).microservice.spec.dependsOn == [Dependency(service: "redis-cart")])

        let sockshop = try Corpus.importing("sockshop")
        let orders = try service("orders", in: sockshop).microservice.spec
        #expect(orders.dependsOn == [Dependency(cidr: "10.40.0.0/16", ports: [27017])])
        #expect(orders.ingress == IngressPolicy(fromNamespaces: ["monitoring"]))
        #expect(try service("front-end", in: sockshop).microservice.spec.dependsOn == [Dependency(service: "orders")],
                "the NetworkPolicy admitting front-end into orders becomes front-end's dependency")
    }

    @Test func theMainContainerFollowsTheRuleOrTheFlag() throws {
        let podinfo = try service("podinfo", in: try Corpus.importing("podinfo"))
        #expect(podinfo.microservice.spec.image == "ghcr.io/example/podinfo:6.7.0")
        #expect(podinfo.notExpressed.contains { $0.subject == "spec.template.spec.containers[linkerd-proxy]" && $0.message.contains("the only container serving a Service's port") })
        let orders = try service("orders", in: try Corpus.importing("sockshop"))
        #expect(orders.microservice.spec.image == "registry.example.com/sockshop/orders:0.4.7")
        #expect(orders.notExpressed.contains { $0.subject == "spec.template.spec.initContainers[wait-for-db]" })

        let flagged = try Corpus.importing("podinfo", container: "linkerd-proxy")
        #expect(try service("podinfo", in: flagged).microservice.spec.image == "cr.l5d.io/linkerd/proxy:stable-2.14.10")
        let missing = try Corpus.importing("podinfo", container: "app")
        #expect(missing.services.isEmpty)
        #expect(missing.problems.map(\.description) == [
            "podinfo/podinfo.yaml:33: Deployment demo/podinfo: has no container \"app\" (--container); its containers: linkerd-proxy, podinfod",
        ])
    }

    @Test func shutdownAndSecurityKeepTheOriginalsSettings() throws {
        let carts = try service("carts", in: try Corpus.importing("sockshop")).microservice.spec
        #expect(carts.shutdown == Shutdown(gracePeriodSeconds: 40, preStopSleepSeconds: 10))
        #expect(carts.security?.addCapabilities == ["NET_BIND_SERVICE"] && carts.security?.runAsUser == nil)
        let cartservice = try service("cartservice", in: try Corpus.importing("boutique")).microservice.spec
        #expect(cartservice.shutdown == Shutdown(gracePeriodSeconds: 5, preStopSleepSeconds: 4), "the preStop sleep fits in the grace period")
        #expect(cartservice.security?.runAsUser == 1000 && cartservice.security?.fsGroup == 1000)
    }

    @Test func otherWorkloadsAndBrokenObjectsAreReportedWithFileAndLine() throws {
        let result = try Corpus.importing("bad")
        #expect(result.services.map(\.microservice.name) == ["api"])
        let problems = result.problems.map(\.description)
        #expect(problems.count == 2)
        #expect(problems.contains { $0.hasPrefix("bad/workloads.yaml:2: DaemonSet monitoring/node-exporter: not importable: a DaemonSet runs one pod per node") })
        #expect(problems.contains { $0.hasPrefix("bad/workloads.yaml:") && $0.contains("Deployment monitoring/empty: spec.template.spec.containers is missing") })
        #expect(result.hasInvalidInput)

        let sockshop = try Corpus.importing("sockshop")
        #expect(sockshop.problems.map(\.description) == [
            "sockshop/carts.yaml:75: StatefulSet sock-shop/carts-db: not importable: a StatefulSet gives each replica a stable identity "
                + "and its own volumes (volumeClaimTemplates); a Microservice renders a Deployment of interchangeable replicas",
        ])
        #expect(!sockshop.hasInvalidInput)
    }
}

/// Inputs a Microservice can only partly express: each gap is reported, never dropped silently.
@Suite struct PartialImportTests {
    static let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: legacy-api}
        spec:
          selector: {matchLabels: {app: legacy}}
          template:
            metadata: {labels: {app: legacy}}
            spec:
              containers:
                - name: app
                  image: registry.example.com/legacy:1.2.3
                  ports: [{containerPort: 80}, {containerPort: 53, protocol: UDP}]
                  env:
                    - {name: WORKERS, value: "4"}
                    - {name: CFG, valueFrom: {configMapKeyRef: {name: c, key: k}}}
                  securityContext: {runAsUser: 0}
                  livenessProbe: {httpGet: {port: web}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: legacy.worker}
        spec:
          template:
            spec:
              containers: [{name: worker, image: registry.example.com/worker:2.0.0}]
        """

    @Test func gapsAreReportedAndTheRestImported() throws {
        let objects = try SourceReader.objects(in: Self.manifest, file: "legacy.yaml")
        let result = Importer().run(objects.map(ImportInput.init))
        let service = try #require(result.services.first)
        let spec = service.microservice.spec
        #expect(spec.ports == [ServicePort(name: "http", port: 80, protocol: .http)])
        #expect(spec.env == [EnvVar(name: "WORKERS", value: "4")])
        #expect(spec.probes == nil)
        #expect(spec.security?.runAsUser == 0 && spec.security?.runAsNonRoot == false, "root keeps running as root, or the pod would not start")
        let subjects = service.notExpressed.map(\.subject)
        #expect(subjects.contains("spec.template.spec.containers[app].ports[53/UDP]"))
        #expect(subjects.contains("spec.template.spec.containers[app].env[CFG]"))
        #expect(subjects.contains("spec.template.spec.containers[app].livenessProbe"))
        #expect(service.notExpressed.filter(\.unexplained).isEmpty)
        #expect(result.problems.map(\.description) == [
            "legacy.yaml:21: Deployment legacy.worker: not importable: the Microservice it maps to is invalid: metadata.name: "
                + "\"legacy.worker\" is not a DNS-1035 label (starts with a letter; lowercase letters, digits and '-', at most 63)",
        ])
    }
}
