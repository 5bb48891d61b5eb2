import KubeModel

/// The machine report. Shape (stable; fields absent when unknown):
///
///     { "schemaVersion": 1,
///       "objects": [ { "kind", "namespace", "name", "file", "document", "line", "score",
///                      "passed": [rule ids], "exempted": [ { "rule", "reason" } ],
///                      "findings": [ { "rule", "severity": "error|warning", "status": "failed|exempted",
///                                      "reason", "path", "message", "remediation", "file", "line",
///                                      "relatedObject": { "kind", "namespace", "name" } } ] } ],
///       "invalid": [ { "file", "document", "line", "message" } ],
///       "skipped": [ { "kind", "apiVersion", "namespace", "name", "file", "document", "line", "reason" } ],
///       "summary": { "objects", "errors", "warnings", "exempted", "passed", "score", "invalid",
///                    "skipped": { kind: count }, "rules": { id: { "passed", "failed", "exempted" } } } }
///
/// Written object by object (`ReportWriter`): the heading up to the objects' `[`, each object,
/// then the rest; the same text as the whole value printed with an indent of 2.
struct JSONReport {
    let sources: SourceLookup

    static let heading = "{\n  \"schemaVersion\": 1,\n  \"objects\": ["

    /// One element of `objects`, with the comma before it unless it is the first.
    func object(_ report: ObjectReport, first: Bool) -> String {
        (first ? "\n    " : ",\n    ") + object(report).jsonText(indent: 2, level: 2)
    }

    /// The end of `objects`, then `invalid`, `skipped` (its `skippedEntries` entries in their
    /// place) and `summary`.
    func ending(_ result: AuditResult, totals: ReportTotals, skippedEntries: Int) -> ReportPart {
        let invalid = JSONValue.array(result.invalidInputs.map(Self.problem)).jsonText(indent: 2, level: 1)
        return ReportPart(
            before: (totals.objects == 0 ? "]" : "\n  ]") + ",\n  \"invalid\": " + invalid + ",\n  \"skipped\": [",
            afterSkipped: JSONListText.end(count: skippedEntries, level: 1)
                + ",\n  \"summary\": " + summary(result, totals: totals).jsonText(indent: 2, level: 1) + "\n}\n")
    }

    /// The element at `position` of `skipped`.
    func skipped(_ skipped: SkippedObject, position: Int) -> String {
        JSONListText.element(self.skipped(skipped), position: position, level: 1)
    }

    private func object(_ report: ObjectReport) -> JSONValue {
        var object = Self.identity(report.object)
        if let position = AuditResult.position(of: report.object, in: sources) {
            object["file"] = .string(position.file)
            object["document"] = .integer(position.document)
            object["line"] = position.line.map(JSONValue.integer)
        }
        object["score"] = .integer(report.score)
        object["passed"] = .array(report.passed.map(JSONValue.string))
        object["exempted"] = .array(report.exempted.map { .object(["rule": .string($0.rule), "reason": .string($0.reason)]) })
        object["findings"] = .array(report.allFindings.map(finding))
        return .object(object)
    }

    private static func problem(_ problem: InputProblem) -> JSONValue {
        var object: JSONObject = ["file": .string(problem.file)]
        object["document"] = problem.document.map(JSONValue.integer)
        object["line"] = problem.line.map(JSONValue.integer)
        object["message"] = .string(problem.message)
        return .object(object)
    }

    private func skipped(_ skipped: SkippedObject) -> JSONValue {
        var object: JSONObject = ["kind": .string(skipped.object.kind)]
        object["apiVersion"] = skipped.apiVersion.map(JSONValue.string)
        object["namespace"] = skipped.object.namespace.map(JSONValue.string)
        object["name"] = .string(skipped.object.name)
        if let position = AuditResult.position(of: skipped.object, in: sources) {
            object["file"] = .string(position.file)
            object["document"] = .integer(position.document)
            object["line"] = position.line.map(JSONValue.integer)
        }
        object["reason"] = .string(skipped.reason)
        return .object(object)
    }

    private func finding(_ finding: Finding) -> JSONValue {
        var object: JSONObject = ["rule": .string(finding.rule), "severity": .string(finding.severity.rawValue)]
        switch finding.status {
        case .failed: object["status"] = "failed"
        case .exempted(let reason):
            object["status"] = "exempted"
            object["reason"] = .string(reason)
        }
        object["path"] = .string(finding.path.description)
        object["message"] = .string(finding.message)
        object["remediation"] = .string(finding.remediation)
        if let position = AuditResult.position(of: finding, in: sources) {
            object["file"] = .string(position.file)
            object["line"] = position.line.map(JSONValue.integer)
        }
        object["relatedObject"] = finding.relatedObject.map { .object(Self.identity($0)) }
        return .object(object)
    }

    private func summary(_ result: AuditResult, totals: ReportTotals) -> JSONValue {
        var rules = JSONObject()
        for (id, counts) in totals.ruleCounts.sorted(by: { $0.key < $1.key }) {
            rules[id] = ["passed": .integer(counts.passed), "failed": .integer(counts.failed), "exempted": .integer(counts.exempted)]
        }
        return .object([
            "objects": .integer(totals.objects),
            "errors": .integer(totals.errors),
            "warnings": .integer(totals.warnings),
            "exempted": .integer(totals.exempted),
            "passed": .integer(totals.passed),
            "score": .integer(totals.score),
            "invalid": .integer(result.invalidInputs.count),
            "skipped": .object(JSONObject(result.skippedKinds.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.integer($0.value)) })),
            "rules": .object(rules),
        ])
    }

    static func identity(_ ref: ObjectRef) -> JSONObject {
        var object: JSONObject = ["kind": .string(ref.kind)]
        object["namespace"] = ref.namespace.map(JSONValue.string)
        object["name"] = .string(ref.name)
        return object
    }
}
