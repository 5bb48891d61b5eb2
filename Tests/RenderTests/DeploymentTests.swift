import KubeModel
import ShipshapeAPI
import Testing
@testable import Render

@Suite struct DeploymentTests {
    @Test func replicasAreLeftToTheAutoscaler() throws {
        let scaled = Sample.microservice("api") { $0.autoscaling = Autoscaling(maxReplicas: 5) }
        let output = Renderer().render([scaled])
        #expect(try Sample.object(Deployment.self, of: "shop/api", in: output).spec.replicas == nil)
        let hpa = try Sample.object(HorizontalPodAutoscaler.self, of: "shop/api", in: output)
        #expect(hpa.spec.minReplicas == Defaults.minReplicas)
        #expect(hpa.spec.maxReplicas == 5)
        #expect(hpa.spec.scaleTargetRef == CrossVersionObjectReference(kind: "Deployment", name: "api", apiVersion: "apps/v1"))
        #expect(hpa.spec.metrics?.map { $0.resource?.name } == ["cpu"])
        #expect(hpa.spec.metrics?.first?.resource?.target.averageUtilization == Defaults.cpuUtilization)
    }

    @Test func memoryAloneReplacesTheDefaultCPUTarget() throws {
        let scaled = Sample.microservice("api") { $0.autoscaling = Autoscaling(maxReplicas: 5, memoryUtilization: 70) }
        let hpa = try Sample.object(HorizontalPodAutoscaler.self, of: "shop/api", in: Renderer().render([scaled]))
        #expect(hpa.spec.metrics?.map { $0.resource?.name } == ["memory"])
    }

    @Test func staticReplicasDefaultAndAsDeclared() throws {
        let output = Renderer().render([Sample.microservice("a"), Sample.microservice("b") { $0.replicas = 3 }])
        #expect(try Sample.object(Deployment.self, of: "shop/a", in: output).spec.replicas == Defaults.replicas)
        #expect(try Sample.object(Deployment.self, of: "shop/b", in: output).spec.replicas == 3)
        #expect(!Sample.kinds(of: "shop/a", in: output).contains("HorizontalPodAutoscaler"))
    }

    @Test func selectorNeverChangesWithTheImage() throws {
        let images = ["registry.example.com/shop/api:1.0.0", "registry.example.com/shop/api:2.0.0",
                      "registry.example.com/shop/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"]
        let deployments = try images.map { image in
            try Sample.object(Deployment.self, of: "shop/api", in: Renderer().render([Sample.microservice("api", image: image)]))
        }
        let selectors = Set(deployments.map(\.spec.selector))
        #expect(selectors == [LabelSelector(matchLabels: ["app.kubernetes.io/name": "api", "app.kubernetes.io/instance": "api"])])
        let versions = deployments.map { $0.spec.template.metadata?.labels?["app.kubernetes.io/version"] }
        #expect(versions == ["1.0.0", "2.0.0", "sha256-0123456789ab"])
    }

    @Test func ownLabelsPropagateButSelectorLabelsAreOurs() throws {
        let microservice = Sample.microservice("api", labels: [
            "app.kubernetes.io/part-of": "shop", "team": "checkout", "app.kubernetes.io/name": "spoofed",
            "app.kubernetes.io/managed-by": "helm",
        ])
        let output = Renderer().render([microservice])
        for object in output.objects {
            let labels = object.value["metadata"]?["labels"]
            #expect(labels?["team"] == "checkout", "\(object.kind)")
            #expect(labels?["app.kubernetes.io/part-of"] == "shop", "\(object.kind)")
            #expect(labels?["app.kubernetes.io/name"] == "api", "\(object.kind)")
            #expect(labels?["app.kubernetes.io/managed-by"] == "shipshape", "\(object.kind)")
        }
    }

    @Test(arguments: [
        ("registry.example.com:5000/shop/api:1.2.3", "1.2.3"),
        ("registry.example.com:5000/shop/api", nil),
        ("api", nil),
        ("api:latest", "latest"),
        ("api:1.0@sha256:abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789", "1.0"),
        ("api@sha256:abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789", "sha256-abcdef012345"),
        ("api:_v1-", "v1"),
        ("api:" + String(repeating: "1", count: 70), String(repeating: "1", count: 63)),
    ] as [(String, String?)])
    func versionLabelComesFromTheImage(image: String, version: String?) {
        #expect(Labels.version(ofImage: image) == version)
    }

    @Test func gracefulShutdownUsesTheNativeSleep() throws {
        let output = Renderer().render([
            Sample.microservice("a"),
            Sample.microservice("b") { $0.shutdown = Shutdown(gracePeriodSeconds: 45, preStopSleepSeconds: 0) },
        ])
        let a = try Sample.object(Deployment.self, of: "shop/a", in: output)
        #expect(a.spec.template.spec?.terminationGracePeriodSeconds == Defaults.gracePeriodSeconds)
        #expect(a.spec.template.spec?.containers.first?.lifecycle?.preStop?.sleep?.seconds == Defaults.preStopSleepSeconds)
        let b = try Sample.object(Deployment.self, of: "shop/b", in: output)
        #expect(b.spec.template.spec?.terminationGracePeriodSeconds == 45)
        #expect(b.spec.template.spec?.containers.first?.lifecycle == nil)
    }

    @Test func secureDefaults() throws {
        let deployment = try Sample.object(Deployment.self, of: "shop/api", in: Renderer().render([Sample.microservice("api")]))
        let pod = try #require(deployment.spec.template.spec)
        #expect(pod.securityContext?.runAsNonRoot == true)
        #expect(pod.securityContext?.runAsUser == Defaults.userID)
        #expect(pod.securityContext?.fsGroup == Defaults.userID)
        #expect(pod.securityContext?.seccompProfile == SeccompProfile(type: "RuntimeDefault"))
        #expect(pod.automountServiceAccountToken == false)
        let container = try #require(pod.containers.first)
        #expect(container.securityContext?.allowPrivilegeEscalation == false)
        #expect(container.securityContext?.readOnlyRootFilesystem == true)
        #expect(container.securityContext?.capabilities == Capabilities(drop: ["ALL"]))
        let scratch = try #require(pod.volumes?.first { $0.name == "tmp" })
        #expect(scratch.emptyDir?.sizeLimit?.text == "64Mi")
        #expect(container.volumeMounts?.contains(VolumeMount(name: "tmp", mountPath: "/tmp")) == true)
    }

    @Test func objectsComeInOrderWithNamespaces() {
        let output = Renderer().render([
            Sample.microservice("api") { $0.autoscaling = Autoscaling(maxReplicas: 3) },
            Microservice(metadata: ObjectMeta(name: "bare"), spec: MicroserviceSpec(image: "bare:1")),
        ])
        #expect(Sample.kinds(of: "shop/api", in: output) == [
            "ServiceAccount", "Service", "Deployment", "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy",
        ])
        #expect(Sample.kinds(of: "default/bare", in: output) == ["ServiceAccount", "Deployment", "PodDisruptionBudget", "NetworkPolicy"])
        #expect(output.objects.allSatisfy { !$0.namespace.isEmpty && $0.name == $0.owner.split(separator: "/").last.map(String.init) })
    }

    @Test func aRepeatedMicroserviceIsRenderedOnceWithAWarning() {
        let output = Renderer().render([Sample.microservice("api"), Sample.microservice("api") { $0.replicas = 9 }])
        #expect(output.objects.filter { $0.kind == "Deployment" }.count == 1)
        #expect(output.warnings.map(\.path.description) == ["metadata.name"])
    }
}
