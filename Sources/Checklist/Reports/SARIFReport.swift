import KubeModel

/// SARIF 2.1.0 for code-scanning UIs: one run, the whole catalogue as the driver's rules,
/// a result per finding located at its file and line; exempted findings carry a suppression.
/// Each invalid document is an error result of the `invalid-input` rule at its location; each
/// skipped object a note among the invocation's notifications.
///
/// Written object by object (`ReportWriter`): the run's results are its last member, after the
/// invocation's skipped notifications, so the heading (up to the results' `[`) is written last.
struct SARIFReport {
    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    static let informationURI = "https://github.com/shipshape-dev/shipshape"

    let sources: SourceLookup

    /// The document up to the run's `"results": [`, with the place of the skipped objects'
    /// `skippedEntries` notifications in its one invocation.
    func heading(skippedEntries: Int) -> ReportPart {
        let driver: JSONValue = [
            "name": "shipshape",
            "informationUri": .string(Self.informationURI),
            "rules": .array(Catalogue.rules.map(Self.descriptor) + [Self.invalidInputDescriptor]),
        ]
        let before = "{\n  \"$schema\": " + JSONValue.string(Self.schema).jsonText(indent: 2, level: 1)
            + ",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": "
            + JSONValue.object(["driver": driver]).jsonText(indent: 2, level: 3)
            + ",\n      \"invocations\": [\n        {\n          \"executionSuccessful\": true,\n          \"toolExecutionNotifications\": ["
        let after = JSONListText.end(count: skippedEntries, level: 5) + "\n        }\n      ]" + ",\n      \"results\": ["
        return ReportPart(before: before, afterSkipped: after)
    }

    /// Results for `findings`, after `count` results already written.
    func results(_ findings: [Finding], after count: Int) -> String {
        elements(findings.map(sarifResult), after: count)
    }

    /// The invalid inputs' results, after `count` results, and the end of the document.
    func ending(_ result: AuditResult, after count: Int) -> String {
        let invalid = result.invalidInputs.map(Self.invalidResult)
        return elements(invalid, after: count) + (count + invalid.count == 0 ? "]" : "\n      ]") + "\n    }\n  ]\n}\n"
    }

    private func elements(_ values: [JSONValue], after count: Int) -> String {
        values.enumerated().map { JSONListText.element($1, position: count + $0, level: 3) }.joined()
    }

    private static let ruleIndex = Dictionary(uniqueKeysWithValues: Catalogue.rules.enumerated().map { ($1.id, $0) })

    private static func descriptor(_ rule: Rule) -> JSONValue {
        var tags: [JSONValue] = [.string(rule.category.rawValue)]
        if let pss = rule.pss { tags.append(.string("pss-\(pss.rawValue)")) }
        var properties: JSONObject = ["tags": .array(tags)]
        if rule.category == .security {  // GitHub ranks security alerts by this score
            properties["security-severity"] = rule.defaultSeverity == .error ? "7.0" : "4.0"
        }
        return [
            "id": .string(rule.id),
            "shortDescription": ["text": .string(rule.title)],
            "fullDescription": ["text": .string("\(rule.title). \(rule.remediation)")],
            "help": [
                "text": .string(rule.remediation),
                "markdown": .string("\(rule.remediation)\n\nFails:\n```yaml\n\(rule.failingExample)\n```\n\nPasses:\n```yaml\n\(rule.passingExample)\n```"),
            ],
            "defaultConfiguration": ["level": .string(rule.defaultSeverity.rawValue)],
            "properties": .object(properties),
        ]
    }

    static let invalidInputID = "invalid-input"

    /// Not a checklist rule: the input document could not be read or judged.
    private static let invalidInputDescriptor: JSONValue = [
        "id": .string(invalidInputID),
        "shortDescription": ["text": "Input documents can be read and judged"],
        "fullDescription": ["text": "A document that is not valid YAML, has a duplicate key, is not an object or is an invalid Microservice is not judged."],
        "help": ["text": "Fix the document at the location given; the other documents were judged."],
        "defaultConfiguration": ["level": "error"],
        "properties": ["tags": ["input"]],
    ]

    private static func physicalLocation(file: String, line: Int?) -> JSONValue {
        var physical: JSONObject = ["artifactLocation": ["uri": .string(uri(file))]]
        physical["region"] = line.map { ["startLine": .integer(max(1, $0))] }
        return .object(physical)
    }

    private static func invalidResult(_ problem: InputProblem) -> JSONValue {
        [
            "ruleId": .string(invalidInputID),
            "ruleIndex": .integer(Catalogue.rules.count),
            "level": "error",
            "kind": "fail",
            "message": ["text": .string(problem.message)],
            "locations": [["physicalLocation": physicalLocation(file: problem.file, line: problem.line)]],
            "partialFingerprints": ["shipshape/v1": .string("\(invalidInputID)|\(problem.location)|\(problem.message)")],
        ]
    }

    /// The notification of an object not judged, at `position` among the invocation's notifications.
    func skippedNotification(_ skipped: SkippedObject, position: Int) -> String {
        JSONListText.element(skippedNotification(skipped), position: position, level: 5)
    }

    private func skippedNotification(_ skipped: SkippedObject) -> JSONValue {
        var notification: JSONObject = [
            "level": "note",
            "message": ["text": .string("skipped \(AuditResult.label(skipped)): \(skipped.reason)")],
        ]
        if let position = AuditResult.position(of: skipped.object, in: sources) {
            notification["locations"] = [["physicalLocation": Self.physicalLocation(file: position.file, line: position.line)]]
        }
        return .object(notification)
    }

    private func sarifResult(_ finding: Finding) -> JSONValue {
        var location: JSONObject = [
            "logicalLocations": [[
                "fullyQualifiedName": .string(finding.pathObject.description + " " + finding.path.description),
                "kind": "resource",
            ]],
        ]
        if let position = AuditResult.position(of: finding, in: sources) {
            location["physicalLocation"] = Self.physicalLocation(file: position.file, line: position.line)
        }
        var object: JSONObject = [
            "ruleId": .string(finding.rule),
            "ruleIndex": .integer(Self.ruleIndex[finding.rule] ?? -1),
            "level": .string(finding.severity.rawValue),
            "message": ["text": .string(finding.description)],
            "locations": [.object(location)],
            "partialFingerprints": ["shipshape/v1": .string("\(finding.rule)|\(finding.object)|\(finding.path)")],
        ]
        if case .exempted(let reason) = finding.status {
            object["suppressions"] = [["kind": "inSource", "status": "accepted", "justification": .string(reason)]]
        }
        return .object(object)
    }

    /// The path as a URI reference: kept relative as given, with unsafe characters percent-encoded.
    static func uri(_ path: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/!$&'()*+,;=:@")
        return path.utf8.map { byte in
            let character = Character(Unicode.Scalar(byte))
            return byte < 0x80 && safe.contains(character) ? String(character) : "%" + JSONValue.hex2(byte)
        }.joined()
    }
}

extension JSONValue {
    static func hex2(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
