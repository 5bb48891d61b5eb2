import Foundation
import KubeModel
import ShipshapeAPI
import Testing
@testable import Controller

@Suite struct StatusBuilderTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)
    let passing = ChecklistStatus(summary: "17/17", passed: 17, failed: 0)

    func observation(_ deployment: JSONValue?, checklist: ChecklistStatus? = nil, blocked: Bool = false,
                     error: String? = nil) -> StatusBuilder.Observation {
        .init(generation: 3, deploymentStatus: deployment, deploymentGeneration: 5, checklist: checklist ?? passing,
              blockedByChecklist: blocked, applyError: error, children: [ChildReference(kind: "Deployment", name: "web")])
    }

    func condition(_ type: String, _ status: MicroserviceStatus) -> Condition? {
        status.conditions?.first { $0.type == type }
    }

    let healthy: JSONValue = [
        "observedGeneration": 5, "replicas": 2, "readyReplicas": 2, "updatedReplicas": 2,
        "conditions": [["type": "Available", "status": "True"], ["type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable"]],
    ]

    @Test func aRolledOutServiceIsReady() {
        let status = StatusBuilder().status(previous: nil, observation: observation(healthy), now: t0)
        #expect(condition("Ready", status)?.status == "True")
        #expect(condition("Progressing", status)?.status == "False")
        #expect(condition("Degraded", status)?.status == "False")
        #expect(condition("ChecklistPassed", status)?.status == "True")
        #expect(status.observedGeneration == 3)
        #expect(status.readyReplicas == 2)
    }

    @Test func aStalledRolloutIsDegradedWithTheDeploymentsReason() {
        let stalled: JSONValue = [
            "observedGeneration": 5, "replicas": 3, "readyReplicas": 2, "updatedReplicas": 1,
            "conditions": [["type": "Available", "status": "True"],
                           ["type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded", "message": "ReplicaSet web-2 has timed out progressing."]],
        ]
        let status = StatusBuilder().status(previous: nil, observation: observation(stalled), now: t0)
        #expect(condition("Degraded", status)?.reason == "ProgressDeadlineExceeded")
        #expect(condition("Degraded", status)?.message == "ReplicaSet web-2 has timed out progressing.")
        #expect(condition("Ready", status)?.status == "False")
        #expect(condition("Progressing", status)?.status == "False")
    }

    @Test func enforceModeBlockingIsExplained() {
        let failing = ChecklistStatus(summary: "2 errors", passed: 15, failed: 2,
                                      findings: [FindingStatus(rule: "image-pinned", severity: "error", message: "m")])
        let status = StatusBuilder().status(previous: nil, observation: observation(healthy, checklist: failing, blocked: true), now: t0)
        #expect(condition("Ready", status)?.reason == "ChecklistBlocked")
        #expect(condition("ChecklistPassed", status)?.reason == "Blocked")
        #expect(condition("ChecklistPassed", status)?.message == "2 errors")
    }

    @Test func anInvalidSpecIsNotReadyAndDegraded() {
        var invalid = observation(healthy)
        invalid.invalidSpec = "spec.ports[1].port: 8080 is already used by port \"http\""
        let status = StatusBuilder().status(previous: nil, observation: invalid, now: t0)
        #expect(condition("Ready", status)?.reason == "InvalidSpec")
        #expect(condition("Degraded", status)?.reason == "InvalidSpec")
        #expect(condition("Progressing", status)?.status == "False")
    }

    @Test func transitionTimesChangeOnlyWithStatus() {
        let builder = StatusBuilder()
        let first = builder.status(previous: nil, observation: observation(healthy), now: t0)
        let steady = builder.status(previous: first, observation: observation(healthy), now: t0.addingTimeInterval(600))
        #expect(steady == first)
        let broken = builder.status(previous: steady, observation: observation(healthy, error: "forbidden"), now: t0.addingTimeInterval(900))
        #expect(condition("Ready", broken)?.lastTransitionTime == "2023-11-14T22:28:20Z")
        #expect(condition("ChecklistPassed", broken)?.lastTransitionTime == condition("ChecklistPassed", first)?.lastTransitionTime)
    }
}
