import Foundation
import KubeModel

/// The `kind: composite` scenarios the replay reproduces, each compared on what the README
/// says the real server did.
extension Replayer {
    mutating func composite(_ replayCase: ReplayCase) async throws -> CaseResult {
        var result = CaseResult(replayCase: replayCase)
        let sandbox: JSONValue
        switch replayCase.seq {
        case 237: sandbox = try await noopPatch()
        case 282: sandbox = try await crdEstablished()
        case 494, 497: sandbox = try await dependentAfterDelete(replayCase)
        case _ where TLSComposites.seqs.contains(replayCase.seq): sandbox = try await TLSComposites.run(replayCase)
        default:
            guard replayCase.area == "watch" else {
                result.notReplayed = "composite scenario not replayed yet: no steps for \(replayCase.id)"
                return result
            }
            return try await watch(replayCase)
        }
        var real = replayCase.real
        real["after_s"] = nil
        Comparison.walk(real, sandbox, path: "", ignore: [], into: &result.differences)
        return result
    }

    /// A merge patch that changes nothing keeps the resourceVersion.
    private func noopPatch() async throws -> JSONValue {
        let path = "/api/v1/namespaces/fid-patch/configmaps/p1"
        let before = try await send("GET", path).json
        let patched = try await send("PATCH", path, headers: ["Content-Type": "application/merge-patch+json"],
                                     body: ["data": before?["data"] ?? [:]]).json
        let rv = before?["metadata"]?["resourceVersion"]
        return ["unchanged": .bool(rv != nil && rv == patched?["metadata"]?["resourceVersion"])]
    }

    /// The CRD created before reports the Established condition.
    private func crdEstablished() async throws -> JSONValue {
        let path = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.fid.example.com"
        let deadline = ContinuousClock.now + .seconds(2)
        var established = false
        repeat {
            let conditions = try await send("GET", path).json?["status"]?["conditions"]?.arrayValue ?? []
            established = conditions.contains { $0["type"] == "Established" && $0["status"] == "True" }
            if !established { try await Task.sleep(for: .milliseconds(20)) }
        } while !established && ContinuousClock.now < deadline
        return ["established": .bool(established)]
    }

    /// The dependent right after its owner's deletion and once settled: owned, orphaned or gone.
    private func dependentAfterDelete(_ replayCase: ReplayCase) async throws -> JSONValue {
        let path = replayCase.seq == 494 ? "/api/v1/namespaces/fid-gc/configmaps/d1" : "/api/v1/namespaces/fid-gc/configmaps/d2"
        func state() async throws -> String {
            let observed = try await send("GET", path)
            if observed.status == 404 { return "gone" }
            return (observed.json?["metadata"]?["ownerReferences"]?.arrayValue ?? []).isEmpty ? "orphaned" : "owned"
        }
        let immediately = try await state()
        await holdControllers(false)
        let expected = replayCase.real["eventually"]?.stringValue
        var eventually = immediately
        let deadline = ContinuousClock.now + .seconds(2)
        while eventually != expected, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
            eventually = try await state()
        }
        return ["immediately": .string(immediately), "eventually": .string(eventually)]
    }
}
