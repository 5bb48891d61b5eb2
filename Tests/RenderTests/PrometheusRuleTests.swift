import Foundation
import KubeModel
import ShipshapeAPI
import Testing
@testable import Render

/// The rendered SLO rules are checked by the real Prometheus tooling: `promtool check rules` on
/// every rendered group, and `promtool test rules` on synthetic series (one sample a minute)
/// proving the workbook's behaviour: a fast burn pages within minutes, a slow burn opens a
/// ticket, a healthy service fires nothing.
@Suite struct PrometheusRuleTests {
    static let served = ExtensionOptions(served: Set(ExtensionKind.allCases))

    /// order-service: 99.9% available, 99% within 250ms, over 30 days.
    static let orderService = Sample.microservice("order-service") { spec in
        spec.slo = ServiceLevel(availability: AvailabilityObjective(objective: 99.9),
                                latency: LatencyObjective(objective: 99, thresholdMs: 250))
    }

    static func prometheusRule(_ microservice: Microservice = orderService) throws -> JSONValue {
        let output = Renderer(extensions: served).render([microservice])
        return try #require(output.objects.first { $0.kind == "PrometheusRule" }).value
    }

    @Test(arguments: GoldenTests.cases)
    func everyRenderedRuleGroupPassesPromtoolCheck(_ name: String) throws {
        let file = Golden.root.appendingPathComponent(name).appendingPathComponent("expected.yaml")
        let objects = try SourceReader.objects(in: String(contentsOf: file, encoding: .utf8), file: file.path)
        for rule in objects where rule.kind == "PrometheusRule" {
            for group in rule.value["spec"]?["groups"]?.arrayValue ?? [] {
                let directory = try Promtool.directory(with: ["rules.yaml": JSONValue.object(["groups": [group]]).yamlText()])
                defer { try? FileManager.default.removeItem(at: directory) }
                let result = try Promtool.run(["check", "rules", "rules.yaml"], in: directory)
                #expect(result.status == 0, "\(name): \(rule.name) group \(group["name"]?.stringValue ?? ""):\n\(result.output)")
            }
        }
    }

    @Test func promtoolCatchesABrokenRule() throws {
        var group = try #require(try Self.prometheusRule()["spec"]?["groups"]?.arrayValue?.first)
        group["rules"] = [["record": "slo:sli_error:ratio_rate5m", "expr": "sum(rate(x[5m])"]]
        let directory = try Promtool.directory(with: ["rules.yaml": JSONValue.object(["groups": [group]]).yamlText()])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try Promtool.run(["check", "rules", "rules.yaml"], in: directory).status != 0)
    }

    @Test func burnRatesAreTheWorkbooksFor30DaysAndScaleWithTheWindow() {
        #expect(BurnRateWindow.table.map { $0.burnRate(windowDays: 30) } == [14.4, 6, 3, 1])
        #expect(BurnRateWindow.table.map { "\($0.burnRate(windowDays: 28))" } == ["13.44", "5.6", "2.8", "0.9333"])
        #expect(BurnRateWindow.recordedWindows.map(\.text) == ["5m", "30m", "1h", "2h", "6h", "1d", "3d"])
    }

    @Test func aWholeSecondThresholdMatchesBothBucketSpellings() throws {
        var microservice = Self.orderService
        microservice.spec.slo?.latency = LatencyObjective(objective: 99, thresholdMs: 1000)
        let rule = try Self.prometheusRule(microservice)
        let expr = rule[FieldPath(parsing: "spec.groups[2].rules[0].expr")]?.stringValue ?? ""
        #expect(expr.contains(#"le=~"1(\\.0)?""#), "\(expr)")
    }

    // MARK: promtool test rules

    /// Requests a minute of the synthetic service.
    static let perMinute = 6000

    @Test func aFastBurnPagesWithinMinutes() throws {
        // Two healthy hours, then a third of all requests fail: the page fires within 5 minutes
        // (the workbook: a 14.4× burn is detected in 1h × 14.4 × budget ÷ error ratio ≈ 2.6 min).
        let ok = "0+\(Self.perMinute)x240"
        let failing = "0x120 3000+3000x119"
        try runPromtoolTest(series: [("200", ok), ("500", failing)], checks: [
            ("2h", "AvailabilityErrorBudgetBurn", []),
            ("2h5m", "AvailabilityErrorBudgetBurn", [.page, .ticket]),
        ])
    }

    @Test func aSlowBurnOpensATicketAndPagesNobody() throws {
        // A healthy day, then 0.5% errors: 5× the budget, under both page thresholds (14.4×, 6×).
        // The 3-day ticket fires once 10% of the budget is spent in 3 days: about 6 hours in.
        let total = Self.perMinute
        let bad = total / 200
        try runPromtoolTest(series: [("200", "0+\(total)x1440 \(total * 1441)+\(total - bad)x1440"),
                                     ("500", "0x1440 \(bad)+\(bad)x1439")], checks: [
            ("1d4h", "AvailabilityErrorBudgetBurn", []),
            ("1d8h", "AvailabilityErrorBudgetBurn", [.ticket]),
            ("1d20h", "AvailabilityErrorBudgetBurn", [.ticket]),
        ])
    }

    @Test func aHealthyServiceFiresNothing() throws {
        // Three days at 0.05% errors: half the budget's pace.
        let bad = Self.perMinute / 2000
        try runPromtoolTest(series: [("200", "0+\(Self.perMinute - bad)x4320"), ("500", "0+\(bad)x4320")], checks: [
            ("1h", "AvailabilityErrorBudgetBurn", []),
            ("1d", "AvailabilityErrorBudgetBurn", []),
            ("3d", "AvailabilityErrorBudgetBurn", []),
            ("3d", "LatencyErrorBudgetBurn", []),
        ])
    }

    @Test func slowRequestsBurnTheLatencyBudget() throws {
        // Two hours with every request under 250ms, then half of them slower. The 1% budget pages
        // at 14.4% slow over the hour: after 60 min × 0.144 ÷ 0.5 ≈ 17 min (the ticket, 3%, sooner).
        let fast = "0+\(Self.perMinute)x120 \(Self.perMinute * 121 - Self.perMinute / 2)+\(Self.perMinute / 2)x119"
        try runPromtoolTest(series: [("200", "0+\(Self.perMinute)x240")], buckets: fast, checks: [
            ("2h", "LatencyErrorBudgetBurn", []),
            ("2h5m", "LatencyErrorBudgetBurn", [.ticket]),
            ("2h20m", "LatencyErrorBudgetBurn", [.page, .ticket]),
            ("2h20m", "AvailabilityErrorBudgetBurn", []),
        ])
    }

    /// Writes the rendered rules and a promtool test of `series` (status code → counter values
    /// of `_count`; `buckets` the `le="0.25"` bucket, by default every request), and expects
    /// exactly `firing` of each alert at each evaluation time.
    private func runPromtoolTest(series: [(code: String, values: String)], buckets: String? = nil,
                                 checks: [(time: String, alert: String, firing: [BurnRateWindow.Severity])],
                                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let rule = try Self.prometheusRule()
        let alerts = (rule["spec"]?["groups"]?.arrayValue ?? []).flatMap { $0["rules"]?.arrayValue ?? [] }.filter { $0["alert"] != nil }
        let histogram = Defaults.requestDurationHistogram
        let selector = #"job="order-service",namespace="shop""#
        var input: [JSONValue] = series.map { code, values in
            ["series": .string("\(histogram)_count{\(selector),http_response_status_code=\"\(code)\"}"), "values": .string(values)]
        }
        let everyRequest = series.count == 1 ? series[0].values : nil
        if let bucketValues = buckets ?? everyRequest {
            input.append(["series": .string("\(histogram)_bucket{\(selector),http_response_status_code=\"200\",le=\"0.25\"}"),
                          "values": .string(bucketValues)])
        }
        let tests: [JSONValue] = checks.map { check in
            let expected: [JSONValue] = check.firing.compactMap { severity in
                guard let alert = alerts.first(where: {
                    $0["alert"]?.stringValue == check.alert && $0["labels"]?["severity"]?.stringValue == severity.label
                }) else { return nil }
                return ["exp_labels": alert["labels"] ?? [:], "exp_annotations": alert["annotations"] ?? [:]]
            }
            return ["eval_time": .string(check.time), "alertname": .string(check.alert), "exp_alerts": .array(expected)]
        }
        let test: JSONValue = [
            "rule_files": ["rules.yaml"], "evaluation_interval": "1m",
            "tests": [["interval": "1m", "input_series": .array(input), "alert_rule_test": .array(tests)]],
        ]
        let directory = try Promtool.directory(with: ["rules.yaml": Promtool.ruleFile(of: rule), "test.yaml": test.yamlText()])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Promtool.run(["test", "rules", "test.yaml"], in: directory)
        #expect(result.status == 0, "promtool test rules:\n\(result.output)", sourceLocation: sourceLocation)
    }
}
