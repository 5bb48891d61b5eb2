import KubeModel
import Testing
@testable import Checklist

@Suite struct WorkloadTests {
    @Test func cronJobContainersAreFoundInTheJobTemplate() throws {
        let audit = Checklist().check(objects: parse("""
            apiVersion: batch/v1
            kind: CronJob
            metadata: { name: nightly, namespace: shop }
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      initContainers: [ { name: wait, image: "busybox:1.36" } ]
                      containers: [ { name: report, image: "shop/report" } ]
            """))
        let report = try #require(audit.reports.first)
        #expect(report.findings.contains { $0.message == "spec.jobTemplate.spec.template.spec.containers[report].image is not pinned: no tag means \"latest\"" })
        #expect(report.findings.contains { $0.message.hasPrefix("spec.jobTemplate.spec.template.spec.initContainers[wait].resources.requests.cpu") })
        // Jobs do not serve: no probe, shutdown or metrics rules; no replicas.
        for rule in ["readiness-probe", "liveness-probe", "graceful-shutdown", "metrics-exposed", "replicas-ha", "pdb"] {
            #expect(!report.results.contains { $0.rule == rule }, "\(rule)")
        }
    }

    @Test func podsAreJudgedAtTheRoot() throws {
        let audit = Checklist().check(objects: parse("""
            apiVersion: v1
            kind: Pod
            metadata: { name: debug, namespace: shop, annotations: { shipshape.dev/exempt: cpu-limit, shipshape.dev/exempt-reason: test } }
            spec:
              hostPID: true
              containers: [ { name: shell, image: "busybox:1.36", securityContext: { privileged: true } } ]
            """))
        let report = try #require(audit.reports.first)
        #expect(report.object.description == "Pod shop/debug")
        #expect(report.findings.contains { $0.message == "spec.hostPID is true" })
        #expect(report.findings.contains { $0.message.hasPrefix("spec.containers[shell].securityContext.privileged is true") })
        #expect(report.exempted.map(\.rule) == ["cpu-limit"])
    }

    @Test func kindsAreSkippedCountedOrReadAsContext() {
        let audit = Checklist().check(objects: Fixture.objects + parse("""
            kind: ConfigMap
            metadata: { name: a }
            ---
            kind: ConfigMap
            metadata: { name: b }
            ---
            kind: ReplicaSet
            metadata:
              name: orders-5d9f
              namespace: shop
              ownerReferences: [ { apiVersion: apps/v1, kind: Deployment, name: orders, uid: x, controller: true } ]
            spec: { template: { spec: { containers: [ { name: api, image: "x:latest" } ] } } }
            ---
            just: a mapping
            """))
        #expect(audit.reports.count == 1)
        #expect(audit.skippedKinds == ["ConfigMap": 2, "ReplicaSet (owned by a Deployment)": 1, "(no kind)": 1])
    }

    @Test func wrongTypesNeverCrash() {
        let garbage: [JSONValue] = ["text", 3, true, .null, [1, 2], ["kind": "x"]]
        let paths = [
            "spec", "spec.template", "spec.template.spec", "spec.template.metadata.labels", "spec.replicas",
            "spec.template.spec.containers", "\(Fixture.container)", "\(Fixture.container).env", "\(Fixture.container).ports",
            "\(Fixture.container).securityContext", "\(Fixture.container).readinessProbe", "\(Fixture.container).lifecycle.preStop",
            "spec.template.spec.volumes", "spec.template.spec.securityContext", "metadata", "metadata.annotations", "spec.strategy",
        ]
        for path in paths {
            for value in garbage {
                let objects = Fixture.deployment([path: value])
                    + Fixture.objects.dropFirst().map { $0.setting("spec", value) }
                let audit = Checklist().check(objects: objects)
                #expect(audit.reports.count == 1, "\(path) = \(value)")
            }
        }
    }

    @Test func profilesSelectExactlyThePodSecurityRules() throws {
        let objects = Fixture.deployment(["\(Fixture.container).resources": nil])
        let baselineRules = Set(Catalogue.rules.filter { $0.pss == .baseline }.map(\.id))
        let restrictedRules = Set(Catalogue.rules.filter { $0.pss != nil }.map(\.id))
        let baseline = try #require(Checklist(options: .init(profile: .baseline)).check(objects: objects).reports.first)
        let restricted = try #require(Checklist(options: .init(profile: .restricted)).check(objects: objects).reports.first)
        #expect(Set(baseline.results.map(\.rule)) == baselineRules)
        #expect(Set(restricted.results.map(\.rule)) == restrictedRules)
        #expect(baselineRules.isSuperset(of: ["not-privileged", "no-host-namespaces", "no-host-path", "no-host-port", "drop-capabilities", "seccomp"]))
        #expect(restrictedRules.subtracting(baselineRules) == ["no-privilege-escalation", "run-as-non-root", "volume-types"])
        #expect(baseline.findings.isEmpty && restricted.findings.isEmpty)
    }

    @Test func optionsFilterRulesAndSeverities() throws {
        let objects = Fixture.deployment(["\(Fixture.container).resources": nil, "\(Fixture.container).livenessProbe": nil])
        let errorsOnly = try #require(Checklist(options: .init(minimumSeverity: .error)).check(objects: objects).reports.first)
        #expect(errorsOnly.failed == ["cpu-request", "memory-request", "memory-limit"])
        #expect(!errorsOnly.results.contains { $0.rule == "cpu-limit" || $0.rule == "liveness-probe" })
        let picked = try #require(Checklist(options: .init(rules: ["cpu-limit", "image-pinned"])).check(objects: objects).reports.first)
        #expect(picked.results.map(\.rule) == ["cpu-limit", "image-pinned"])
        let skipped = try #require(Checklist(options: .init(skippedRules: ["cpu-request"])).check(objects: objects).reports.first)
        #expect(!skipped.results.contains { $0.rule == "cpu-request" })
        #expect(ChecklistOptions(rules: ["cpu-request", "nope"], skippedRules: ["zzz"]).unknownRuleIDs == ["nope", "zzz"])
    }

    @Test func readinessBecomesAWarningWhenOnlyMinimumErrorsAreAsked() throws {
        let objects = Fixture.without("Service", edits: ["\(Fixture.container).readinessProbe": nil])
        let report = try #require(Checklist(options: .init(minimumSeverity: .error)).check(objects: objects).reports.first)
        #expect(!report.results.contains { $0.rule == "readiness-probe" })
    }

    @Test func scoresWeighErrorsAboveWarnings() throws {
        let warning = try #require(Checklist().check(objects: Fixture.deployment(["\(Fixture.container).livenessProbe": nil])).reports.first)
        let error = try #require(Checklist().check(objects: Fixture.deployment(["\(Fixture.container).image": "x:latest"])).reports.first)
        #expect(warning.score < 100)
        #expect(error.score < warning.score)
    }

    @Test func exitStatusFollowsFailOn() {
        let warningOnly = Checklist().check(objects: Fixture.deployment(["\(Fixture.container).livenessProbe": nil]))
        #expect(warningOnly.exitStatus(failOn: .error) == 0)
        #expect(warningOnly.exitStatus(failOn: .warning) == 1)
        #expect(warningOnly.exitStatus(failOn: nil) == 0)
        let withError = Checklist().check(objects: Fixture.deployment(["\(Fixture.container).image": "x:latest"]))
        #expect(withError.exitStatus(failOn: .error) == 1)
        #expect(Checklist().check(objects: Fixture.objects).exitStatus(failOn: .warning) == 0)
    }
}
