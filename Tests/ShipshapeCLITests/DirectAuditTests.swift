import Checklist
import Testing
@testable import shipshape

/// `shipshape audit` parsed without ArgumentParser agrees with ArgumentParser on every command
/// line it takes, and declines the rest (ArgumentParser then parses or refuses them).
@Suite struct DirectAuditTests {
    @Test(arguments: [
        ["a.yaml"],
        ["-", "b.yml", "dir"],
        ["-o", "json", "a.yaml"],
        ["a.yaml", "--output", "sarif", "--fail-on", "warning"],
        ["--output=junit", "--fail-on=none", "--strict-input", "a.yaml"],
        ["--profile", "pss-restricted", "--min-severity", "error", "a.yaml"],
        ["--rule", "image-pinned", "--rule=cpu-request", "--skip-rule", "run-as-non-root", "a.yaml"],
    ])
    func agreesWithArgumentParser(_ arguments: [String]) throws {
        let direct = try #require(DirectAudit(["audit"] + arguments))
        let parsed = try AuditCommand.parse(arguments)
        #expect(direct.paths == parsed.paths)
        #expect(direct.output == parsed.output)
        #expect(direct.failOn == parsed.failOn)
        #expect(direct.strictInput == parsed.strictInput)
        #expect(direct.profile == parsed.checklist.profile)
        #expect(direct.rules == parsed.checklist.rules)
        #expect(direct.skippedRules == parsed.checklist.skippedRules)
        #expect(direct.minSeverity == parsed.checklist.minSeverity)
    }

    @Test(arguments: [
        [], ["render", "a.yaml"], ["audit"], ["audit", "--help"], ["audit", "-h", "a.yaml"], ["audit", "help"],
        ["audit", "--version"], ["audit", "-n", "shop"], ["audit", "-A"], ["audit", "--kubeconfig", "k", "a.yaml"],
        ["audit", "--", "a.yaml"], ["audit", "--bogus", "a.yaml"], ["audit", "-o", "yaml", "a.yaml"],
        ["audit", "-o", "json", "-o", "table", "a.yaml"], ["audit", "-o=json", "a.yaml"], ["audit", "--fail-on", "sometimes", "a.yaml"],
        ["audit", "--rule", "no-such-rule", "a.yaml"], ["audit", "--rule", "-x", "a.yaml"], ["audit", "a.yaml", "--output"],
        ["audit", "--strict-input=yes", "a.yaml"], ["audit", "--strict-input", "--strict-input", "a.yaml"],
    ])
    func declinesTheRest(_ arguments: [String]) {
        #expect(DirectAudit(arguments) == nil)
    }
}
