import Foundation
import KubeSandbox
import KubeSchema
import Testing

/// Replays `../shared/kube-replay/cases.jsonl` in order against one fresh sandbox.
@Suite struct ReplayTests {
    @Test func replayAgreesWithTheRealServer() async throws {
        let cases = try ReplayCase.load(from: ReplayData.casesFile)
        let schemas = try OpenAPISchemas(directory: ReplayData.schemasDirectory.path)
        let results = try await ReplayWebhook.withRunning { webhookOrigin, caBundle in
            try await KubeSandbox.withRunning(SandboxOptions(schemas: schemas)) { sandbox in
                var replayer = Replayer(baseURL: sandbox.url, adminToken: sandbox.adminToken)
                replayer.templating.webhook = (webhookOrigin, caBundle)
                replayer.settle = { await sandbox.settleControllers() }
                replayer.holdControllers = { held in
                    if held { await sandbox.holdControllers() } else { await sandbox.releaseControllers() }
                }
                replayer.advanceClock = { await sandbox.advanceClock(by: $0) }
                return try await replayer.run(cases)
            }
        }
        print(ReplayReport(results).text)

        for result in results {
            let id = result.replayCase.id
            let listed = ReplayExpectations.quirks[id] != nil || ReplayExpectations.notYetFaithful[id] != nil
            if !result.agrees && !listed {
                Issue.record("\(id) disagrees: \(ReplayReport.describe(result))")
            }
            if result.agrees, ReplayExpectations.notYetFaithful[id] != nil {
                Issue.record("\(id) now agrees: remove it from ReplayExpectations.notYetFaithful")
            }
        }
        #expect(ReplayExpectations.quirks.count <= cases.count / 20)
        let known = Set(cases.map(\.id))
        let stale = Set(ReplayExpectations.quirks.keys).union(ReplayExpectations.notYetFaithful.keys).subtracting(known)
        #expect(stale.isEmpty, "listed ids that are no case: \(stale.sorted())")
    }
}
