import KubeModel

/// SARIF 2.1.0 for code-scanning UIs: one run, the whole catalogue as the driver's rules,
/// a result per finding located at its file and line; exempted findings carry a suppression.
struct SARIFReport {
    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    static let informationURI = "https://github.com/shipshape-dev/shipshape"

    let result: AuditResult
    let sources: SourceLookup

    var value: JSONValue {
        let driver: JSONValue = [
            "name": "shipshape",
            "informationUri": .string(Self.informationURI),
            "rules": .array(Catalogue.rules.map(Self.descriptor)),
        ]
        return [
            "$schema": .string(Self.schema),
            "version": "2.1.0",
            "runs": [["tool": ["driver": driver], "results": .array(result.reports.flatMap(\.allFindings).map(sarifResult))]],
        ]
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

    private func sarifResult(_ finding: Finding) -> JSONValue {
        var location: JSONObject = [
            "logicalLocations": [[
                "fullyQualifiedName": .string(finding.pathObject.description + " " + finding.path.description),
                "kind": "resource",
            ]],
        ]
        if let position = result.position(of: finding, in: sources) {
            var physical: JSONObject = ["artifactLocation": ["uri": .string(Self.uri(position.file))]]
            physical["region"] = position.line.map { ["startLine": .integer(max(1, $0))] }
            location["physicalLocation"] = .object(physical)
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
