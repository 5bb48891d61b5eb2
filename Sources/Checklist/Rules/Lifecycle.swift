import KubeModel
import ShipshapeAPI

extension RuleDefinition {
    static let gracefulShutdown = RuleDefinition(
        rule: Rule(
            id: "graceful-shutdown", category: .lifecycle, defaultSeverity: .warning,
            title: "Containers wait for endpoints to drain before SIGTERM, within the grace period",
            remediation: "Add lifecycle.preStop (sleep: { seconds: 5 }, or exec sleep 5) and keep terminationGracePeriodSeconds (default 30) longer than that sleep plus your shutdown time.",
            pss: nil,
            failingExample: "terminationGracePeriodSeconds: 5\ncontainers:\n  - name: api\n    lifecycle: { preStop: { sleep: { seconds: 10 } } }",
            passingExample: "terminationGracePeriodSeconds: 30\ncontainers:\n  - name: api\n    lifecycle: { preStop: { sleep: { seconds: 5 } } }"),
        workload: { subject in
            let workload = subject.workload
            guard workload.kind.isLongRunning else { return .notApplicable }
            let gracePath = workload.podSpecPath.key("terminationGracePeriodSeconds")
            let grace = workload.value[gracePath]?.intValue ?? Defaults.gracePeriodSeconds
            var violations: [Violation] = []
            for container in workload.containers([.regular]) {
                let hookPath = container.path.key("lifecycle").key("preStop")
                guard let hook = container.value["lifecycle"]?["preStop"], hook.objectValue != nil else {
                    violations.append(Violation(hookPath, "is not set: the pod stops while endpoints still route to it"))
                    continue
                }
                if hook["httpGet"] != nil { continue }  // a drain endpoint: its duration is the app's business
                guard let delay = preStopDelay(hook) else {
                    violations.append(Violation(hookPath, "does not sleep before SIGTERM"))
                    continue
                }
                if grace <= delay {
                    violations.append(Violation(gracePath, "is \(grace)s, not longer than the \(delay)s preStop sleep of \(container.name)"))
                }
            }
            return .from(violations)
        },
        microservice: { subject in
            let shutdown = MicroserviceSubject.spec.key("shutdown")
            let sleep = subject.spec.shutdown?.preStopSleepSeconds ?? Defaults.preStopSleepSeconds
            let grace = subject.spec.shutdown?.gracePeriodSeconds ?? Defaults.gracePeriodSeconds
            if sleep <= 0 {
                return .fail(Violation(shutdown.key("preStopSleepSeconds"), "is 0: pods stop while endpoints still route to them"))
            }
            return grace > sleep ? .pass
                : .fail(Violation(shutdown.key("gracePeriodSeconds"), "is \(grace)s, not longer than the \(sleep)s preStop sleep"))
        })
}

/// The seconds a preStop hook sleeps: `sleep.seconds`, or `sleep N` in an exec command
/// (`["sleep", "5"]`, `["/bin/sh", "-c", "sleep 5 && nginx -s quit"]`); nil when it does not sleep.
func preStopDelay(_ hook: JSONValue) -> Int? {
    if let seconds = hook["sleep"]?["seconds"]?.intValue { return seconds }
    let words = (hook["exec"]?["command"]?.elements ?? []).compactMap(\.scalarText).joined(separator: " ")
        .split(whereSeparator: { $0.isWhitespace || ";&|()'\"".contains($0) })
    for (position, word) in words.enumerated() where word == "sleep" || word.hasSuffix("/sleep") {
        guard position + 1 < words.count else { return nil }
        let argument = words[position + 1]
        let number = argument.hasSuffix("s") ? argument.dropLast() : argument
        if let seconds = Double(number), seconds >= 0 { return Int(seconds.rounded(.up)) }
    }
    return nil
}
