import KubeModel

/// What the operator observed and decided; written through the status subresource.
public struct MicroserviceStatus: Codable, Sendable, Hashable {
    public var observedGeneration: Int?
    public var conditions: [Condition]?
    public var replicas: Int?
    public var readyReplicas: Int?
    public var checklist: ChecklistStatus?
    public var children: [ChildReference]?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case observedGeneration, conditions, replicas, readyReplicas, checklist, children
    }

    public init() {}

    static let schema = Schema.object(
        "Observed state, written by the operator.", keys: CodingKeys.self,
        [
            .observedGeneration: .integer("The generation this status describes.", min: 0),
            .conditions: .array("Ready, Progressing, Degraded, ChecklistPassed, Conflict and DependenciesResolved.", of: Condition.schema, mapKeys: ["type"]),
            .replicas: .integer("Pods the Deployment runs.", min: 0),
            .readyReplicas: .integer("Pods ready to serve.", min: 0),
            .checklist: ChecklistStatus.schema,
            .children: .array("Objects rendered and owned for this Microservice.", of: ChildReference.schema),
        ])
}

/// `metav1.Condition`.
public struct Condition: Codable, Sendable, Hashable {
    public var type: String
    public var status: String
    public var observedGeneration: Int?
    public var lastTransitionTime: String
    public var reason: String
    public var message: String

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case type, status, observedGeneration, lastTransitionTime, reason, message
    }

    public init(type: String, status: String, observedGeneration: Int? = nil, lastTransitionTime: String,
                reason: String, message: String) {
        self.type = type
        self.status = status
        self.observedGeneration = observedGeneration
        self.lastTransitionTime = lastTransitionTime
        self.reason = reason
        self.message = message
    }

    static let schema: Schema = {
        var message = Schema.string("Human-readable details.", maxLength: 32768)
        message.minLength = nil
        var time = Schema.string("When status last changed (RFC 3339).")
        time.format = nil
        return Schema.object(
            "A condition (metav1.Condition).", keys: CodingKeys.self,
            required: [.type, .status, .lastTransitionTime, .reason, .message],
            [
                .type: .string("Condition type.", maxLength: 316),
                .status: .string("True, False or Unknown.", enum: ["True", "False", "Unknown"]),
                .observedGeneration: .integer("The generation the condition was set for.", min: 0),
                .lastTransitionTime: time,
                .reason: .string("A CamelCase reason.", maxLength: 1024),
                .message: message,
            ])
    }()
}

/// The checklist's verdict on the Microservice.
public struct ChecklistStatus: Codable, Sendable, Hashable {
    public var summary: String?
    public var passed: Int
    public var failed: Int
    public var exempted: Int?
    public var findings: [FindingStatus]?

    public enum CodingKeys: String, CodingKey, CaseIterable { case summary, passed, failed, exempted, findings }

    public init(summary: String? = nil, passed: Int, failed: Int, exempted: Int? = nil, findings: [FindingStatus]? = nil) {
        self.summary = summary
        self.passed = passed
        self.failed = failed
        self.exempted = exempted
        self.findings = findings
    }

    static let schema = Schema.object(
        "Checklist results for the current spec.", keys: CodingKeys.self, required: [.passed, .failed],
        [
            .summary: .string("One-line summary shown by kubectl get (for example 17/17 or 2 errors)."),
            .passed: .integer("Rules passed.", min: 0),
            .failed: .integer("Rules failed.", min: 0),
            .exempted: .integer("Rules exempted.", min: 0),
            .findings: .array("Failed rules.", of: FindingStatus.schema, maxItems: 100),
        ])
}

/// One failed rule, as status reports it.
public struct FindingStatus: Codable, Sendable, Hashable {
    public var rule: String
    public var severity: String
    public var path: String?
    public var message: String

    public enum CodingKeys: String, CodingKey, CaseIterable { case rule, severity, path, message }

    public init(rule: String, severity: String, path: String? = nil, message: String) {
        self.rule = rule
        self.severity = severity
        self.path = path
        self.message = message
    }

    static let schema = Schema.object(
        "A failed checklist rule.", keys: CodingKeys.self, required: [.rule, .severity, .message],
        [
            .rule: .string("Rule id.", format: .ruleID),
            .severity: .string("error or warning.", enum: ["error", "warning"]),
            .path: .string("The field at fault."),
            .message: .string("What is wrong and how to fix it."),
        ])
}

/// An object rendered for the Microservice.
public struct ChildReference: Codable, Sendable, Hashable {
    public var apiVersion: String?
    public var kind: String
    public var name: String

    public enum CodingKeys: String, CodingKey, CaseIterable { case apiVersion, kind, name }

    public init(apiVersion: String? = nil, kind: String, name: String) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.name = name
    }

    static let schema = Schema.object(
        "A child object.", keys: CodingKeys.self, required: [.kind, .name],
        [
            .apiVersion: .string("Its apiVersion."),
            .kind: .string("Its kind."),
            .name: .string("Its name."),
        ])
}
