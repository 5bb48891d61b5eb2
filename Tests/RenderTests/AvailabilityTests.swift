import KubeModel
import ShipshapeAPI
import Testing
@testable import Render

@Suite struct AvailabilityTests {
    @Test func noBudgetOrSpreadWhenOnlyOneReplicaCanRun() throws {
        let output = Renderer().render([
            Sample.microservice("one") { $0.replicas = 1 },
            Sample.microservice("none") { $0.replicas = 0 },
        ])
        for owner in ["shop/one", "shop/none"] {
            #expect(!Sample.kinds(of: owner, in: output).contains("PodDisruptionBudget"))
            #expect(try Sample.object(Deployment.self, of: owner, in: output).spec.template.spec?.topologySpreadConstraints == nil)
        }
    }

    @Test func budgetWhenTheAutoscalerCanAddReplicas() throws {
        let output = Renderer().render([Sample.microservice("api") {
            $0.replicas = 1
            $0.autoscaling = Autoscaling(minReplicas: 1, maxReplicas: 3)
        }])
        let budget = try Sample.object(PodDisruptionBudget.self, of: "shop/api", in: output)
        #expect(budget.spec.maxUnavailable == .int(1))
        #expect(budget.spec.minAvailable == nil)
        #expect(budget.spec.unhealthyPodEvictionPolicy == "AlwaysAllow")
        #expect(budget.spec.selector?.matchLabels == ["app.kubernetes.io/name": "api", "app.kubernetes.io/instance": "api"])
    }

    @Test func budgetBoundsComeFromAvailability() throws {
        let output = Renderer().render([
            Sample.microservice("min") { $0.availability = Availability(minAvailable: .int(2)) },
            Sample.microservice("max") { $0.availability = Availability(maxUnavailable: .string("25%")) },
        ])
        let min = try Sample.object(PodDisruptionBudget.self, of: "shop/min", in: output)
        #expect(min.spec.minAvailable == .int(2) && min.spec.maxUnavailable == nil)
        let max = try Sample.object(PodDisruptionBudget.self, of: "shop/max", in: output)
        #expect(max.spec.maxUnavailable == .string("25%") && max.spec.minAvailable == nil)
    }

    @Test func spreadAcrossZonesCanBeTurnedOff() throws {
        let output = Renderer().render([
            Sample.microservice("zones"),
            Sample.microservice("nodes") { $0.availability = Availability(spreadAcrossZones: false) },
        ])
        let keys = { (owner: String) in
            try Sample.object(Deployment.self, of: owner, in: output).spec.template.spec?.topologySpreadConstraints?.map(\.topologyKey)
        }
        #expect(try keys("shop/zones") == ["topology.kubernetes.io/zone", "kubernetes.io/hostname"])
        #expect(try keys("shop/nodes") == ["kubernetes.io/hostname"])
        let constraint = try #require(try Sample.object(Deployment.self, of: "shop/zones", in: output)
            .spec.template.spec?.topologySpreadConstraints?.first)
        #expect(constraint.maxSkew == 1 && constraint.whenUnsatisfiable == "ScheduleAnyway")
        #expect(constraint.matchLabelKeys == ["pod-template-hash"])
    }

    @Test func rollingUpdatesNeverGoBelowTheDesiredCount() throws {
        let deployment = try Sample.object(Deployment.self, of: "shop/api", in: Renderer().render([Sample.microservice("api")]))
        #expect(deployment.spec.strategy == DeploymentStrategy(
            type: "RollingUpdate", rollingUpdate: RollingUpdateDeployment(maxUnavailable: .int(0), maxSurge: .string("25%"))))
    }
}
