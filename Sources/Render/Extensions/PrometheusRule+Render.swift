import Foundation
import KubeModel

/// `spec.slo` as a Prometheus Operator PrometheusRule named `<name>-slo`: per objective, one
/// group recording the error ratio over every window the alerts read, and one group with a
/// page alert and a ticket alert, each the workbook's pairs of long and short windows.
enum PrometheusRuleRendering {
    static func spec(_ context: RenderContext) -> JSONValue? {
        let indicators = ServiceLevelIndicator.all(in: context)
        guard !indicators.isEmpty else { return nil }
        var groups: [JSONValue] = []
        for indicator in indicators {
            let labels = labelObject(indicator.labels(service: context.name, namespace: context.namespace))
            let records: [JSONValue] = BurnRateWindow.recordedWindows.map { window in
                ["record": .string(ServiceLevelIndicator.recordName(window)), "expr": .string(indicator.errorRatio(over: window)),
                 "labels": labels]
            }
            groups.append(["name": .string("\(context.name)-\(indicator.kind.rawValue)-slo-recording"), "rules": .array(records)])
            let alerts = [BurnRateWindow.Severity.page, .ticket].map { alert(indicator, $0, context: context, labels: labels) }
            groups.append(["name": .string("\(context.name)-\(indicator.kind.rawValue)-slo-alerts"), "rules": .array(alerts)])
        }
        return ["groups": .array(groups)]
    }

    /// The alert name of an objective: `AvailabilityErrorBudgetBurn`, `LatencyErrorBudgetBurn`.
    static func alertName(_ kind: ServiceLevelIndicator.Kind) -> String {
        kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst() + "ErrorBudgetBurn"
    }

    private static func alert(_ indicator: ServiceLevelIndicator, _ severity: BurnRateWindow.Severity,
                              context: RenderContext, labels: JSONValue) -> JSONValue {
        let rows = BurnRateWindow.table.filter { $0.severity == severity }
        let selector = "{" + indicator.labels(service: context.name, namespace: context.namespace)
            .map { "\($0.0)=\"\(ServiceLevelIndicator.escaped($0.1))\"" }.joined(separator: ",") + "}"
        let conditions = rows.map { row in
            let threshold = "(\(row.burnRate(windowDays: indicator.windowDays)) * \(indicator.budget))"
            return "(\(ServiceLevelIndicator.recordName(row.long))\(selector) > \(threshold)"
                + " and \(ServiceLevelIndicator.recordName(row.short))\(selector) > \(threshold))"
        }
        var alertLabels = labels.objectValue ?? [:]
        alertLabels["severity"] = .string(severity.label)
        let pairs = rows.map { row in
            "above \(row.burnRate(windowDays: indicator.windowDays)) × \(indicator.budget) over both \(row.long.text) and \(row.short.text)"
        }
        let spent = rows.map { "\($0.budgetSpent * 100)% of the \(indicator.window) error budget in \($0.long.text)" }
        let budgetPercent = indicator.budget * 100
        return [
            "alert": .string(alertName(indicator.kind)),
            "expr": .string(conditions.joined(separator: " or ")),
            "labels": .object(alertLabels),
            "annotations": [
                "summary": .string("\(context.name) in \(context.namespace) is burning its \(indicator.kind.rawValue) error budget"
                    + (severity == .page ? " fast" : " steadily")),
                "description": .string("The ratio of \(indicator.errorDescription) is " + pairs.joined(separator: ", or ")
                    + ": at that pace " + spent.joined(separator: ", or ") + " is spent."),
                "objective": .string("\(indicator.objective)% over \(indicator.window)"),
                "error_budget": .string("\(budgetPercent)% of requests over \(indicator.window)"),
            ],
        ]
    }

    private static func labelObject(_ pairs: [(String, String)]) -> JSONValue {
        .object(JSONObject(pairs.map { ($0.0, JSONValue.string($0.1)) }))
    }
}
