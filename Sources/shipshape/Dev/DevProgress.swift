import Foundation
import KubeClient
import KubeModel

/// Follows the applied Microservices until each has converged: one line per Microservice,
/// redrawn in place on a terminal, printed when it changes otherwise.
struct DevProgress {
    let client: KubernetesClient
    /// `namespace/name` of each Microservice to follow.
    let microservices: [String]
    /// With the simulated kubelet, converged means Ready; without it, the children applied.
    let simulated: Bool
    let output: DevOutput

    struct Outcome {
        /// Why not every Microservice converged; nil when they all did.
        var failure: String?
    }

    /// One Microservice as last seen.
    struct State: Equatable {
        var line: String
        var converged: Bool
        /// Why it will not converge without a change to it (InvalidSpec, ChecklistBlocked).
        var stuck: String?
    }

    /// Polls until every Microservice converged or is stuck, `deadline` passes, or `stopped()`.
    /// Converged holds only when it held at the poll before too with the operator idle both
    /// times, so a change still on its way (an HPA raising replicas) is waited for.
    func follow(until deadline: ContinuousClock.Instant?, stopped: () -> Bool, isIdle: () async -> Bool) async -> Outcome {
        guard !microservices.isEmpty else { return Outcome() }
        var shown: [String: State] = [:]
        var drawn = 0
        var settledBefore = false
        while true {
            var states: [String: State] = [:]
            for key in microservices { states[key] = await state(of: key) }
            if output.isTerminal {
                output.redraw(microservices.map { states[$0]?.line ?? $0 }, replacing: drawn)
                drawn = microservices.count
            } else {
                for key in microservices where states[key] != shown[key] { output.line(states[key]?.line ?? key) }
            }
            shown = states
            let pending = microservices.filter { states[$0]?.converged != true && states[$0]?.stuck == nil }
            let stuck = microservices.compactMap { key in states[key]?.stuck.map { "\(key): \($0)" } }
            let idle = await isIdle()
            let settled = pending.isEmpty && idle
            if settled, settledBefore { return Outcome(failure: stuck.isEmpty ? nil : stuck.joined(separator: "; ")) }
            settledBefore = settled
            if stopped() || deadline.map({ ContinuousClock.now >= $0 }) == true {
                return Outcome(failure: (pending.map { "\($0): \(states[$0]?.line ?? "not seen")" } + stuck).joined(separator: "; "))
            }
            try? await Task.sleep(for: .milliseconds(250))
        }
    }

    private func state(of key: String) async -> State {
        let parts = key.split(separator: "/").map(String.init)
        guard parts.count == 2 else { return State(line: key, converged: false) }
        let object: JSONValue
        do {
            object = try await client.resource(.microservices, namespace: parts[0]).get(parts[1])
        } catch {
            return State(line: "\(key): \(DevApply.reason(error))", converged: false)
        }
        return Self.state(of: object, key: key, simulated: simulated)
    }

    /// What the Microservice's status says, as one line.
    static func state(of object: JSONValue, key: String, simulated: Bool) -> State {
        let status = object["status"]
        let observed = status?["observedGeneration"]?.intValue == (object["metadata"]?["generation"]?.intValue ?? 1)
        let ready = status?["conditions"]?.arrayValue?.first { $0["type"]?.stringValue == "Ready" }
        guard observed, let ready else { return State(line: "\(key): waiting for the operator", converged: false) }
        let reason = ready["reason"]?.stringValue ?? ""
        let message = ready["message"]?.stringValue ?? ""
        let children = status?["children"]?.arrayValue?.count ?? 0
        let checklist = status?["checklist"]?["summary"]?.stringValue
        var line = "\(key): \(ready["status"]?.stringValue == "True" ? "Ready" : "not ready") (\(reason): \(message)), \(children) children"
        if let checklist { line += ", checklist \(checklist)" }
        if ["InvalidSpec", "ChecklistBlocked"].contains(reason) { return State(line: line, converged: false, stuck: "\(reason): \(message)") }
        let converged = ready["status"]?.stringValue == "True" || (!simulated && children > 0 && ["Unavailable", "RollingOut", "Pending"].contains(reason))
        return State(line: line, converged: converged)
    }
}
