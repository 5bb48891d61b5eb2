import KubeModel
import Testing
@testable import Checklist

@Suite struct RuleCaseTests {
    @Test(arguments: ruleCases)
    func ruleCase(_ ruleCase: RuleCase) throws {
        let audit = Checklist(options: ruleCase.options).check(objects: ruleCase.objects)
        let result = try #require(audit.result(ruleCase.rule), "\(ruleCase.rule) did not run")
        switch ruleCase.expectation {
        case .passes:
            #expect(result.outcome == .passed, "\(result.findings.map(\.message))")
        case .fails(let severity, let mentioning):
            #expect(result.outcome == .failed)
            #expect(result.findings.contains { $0.message.contains(mentioning) }, "\(result.findings.map(\.message))")
            #expect(result.findings.map(\.severity).max() == severity)
        }
    }

    @Test func everyRuleHasAPassingAndAFailingCase() {
        for rule in Catalogue.rules {
            let cases = ruleCases.filter { $0.rule == rule.id }
            #expect(cases.contains { if case .passes = $0.expectation { true } else { false } }, "\(rule.id) has no passing case")
            #expect(cases.contains { if case .fails = $0.expectation { true } else { false } }, "\(rule.id) has no failing case")
        }
        #expect(Set(ruleCases.map(\.rule)).isSubset(of: Set(Catalogue.rules.map(\.id))))
    }

    @Test func theFixturePassesEveryRule() {
        let audit = Checklist().check(objects: Fixture.objects)
        #expect(audit.reports.count == 1)
        #expect(audit.findings.map(\.description) == [])
        let evaluated = Set(audit.reports[0].passed)
        let expected = Set(Catalogue.rules.filter { $0.category != .meta || $0.id == "schema-valid" }.map(\.id))
        #expect(evaluated == expected)
        #expect(audit.reports[0].score == 100)
    }

    @Test func secretValuesAreNeverEchoed() {
        let objects = Fixture.deployment(["\(Fixture.container).env[2]": yamlValue("{ name: DB_PASSWORD, value: hunter2-very-secret }")])
        let audit = Checklist().check(objects: objects)
        #expect(!audit.findings.isEmpty)
        #expect(!audit.findings.contains { $0.message.contains("hunter2") })
    }
}
