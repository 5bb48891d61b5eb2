import Foundation
import KubeModel

/// Validating- and MutatingWebhookConfigurations (`pkg/apis/admissionregistration/validation`),
/// as created through v1: names, client configs, rules, policies, timeouts, review versions.
extension Validation {
    static func webhookConfiguration(_ object: JSONValue, mutating: Bool) -> FieldErrors {
        var errors = FieldErrors()
        var names = Set<String>()
        for (index, webhook) in (object["webhooks"]?.arrayValue ?? []).enumerated() {
            let path = FieldPath().key("webhooks").index(index)
            errors.append(self.webhook(webhook, mutating: mutating, at: path))
            errors.append(admissionReviewVersions(webhook["admissionReviewVersions"], at: path.key("admissionReviewVersions")))
            if let name = webhook["name"]?.stringValue, !name.isEmpty, !names.insert(name).inserted {
                errors.duplicate(path.key("name"), .string(name))
            }
        }
        return errors
    }

    private static func webhook(_ webhook: JSONValue, mutating: Bool, at path: FieldPath) -> FieldErrors {
        var errors = fullyQualifiedName(webhook["name"]?.stringValue ?? "", at: path.key("name"))
        for (index, rule) in (webhook["rules"]?.arrayValue ?? []).enumerated() {
            errors.append(ruleWithOperations(rule, at: path.key("rules").index(index)))
        }
        errors.append(oneOf(webhook["failurePolicy"], ["Fail", "Ignore"], at: path.key("failurePolicy")))
        errors.append(oneOf(webhook["matchPolicy"], ["Equivalent", "Exact"], at: path.key("matchPolicy")))
        if let sideEffects = webhook["sideEffects"], !sideEffects.isNull {
            errors.append(oneOf(sideEffects, ["None", "NoneOnDryRun"], at: path.key("sideEffects")))
        } else {
            errors.required(path.key("sideEffects"), "must specify one of None, NoneOnDryRun")
        }
        if let timeout = webhook["timeoutSeconds"]?.intValue, !(1...30).contains(timeout) {
            errors.invalid(path.key("timeoutSeconds"), .integer(timeout), "the timeout value must be between 1 and 30 seconds")
        }
        errors.append(labelSelector(webhook["namespaceSelector"], at: path.key("namespaceSelector")))
        errors.append(labelSelector(webhook["objectSelector"], at: path.key("objectSelector")))
        if mutating {
            errors.append(oneOf(webhook["reinvocationPolicy"], ["IfNeeded", "Never"], at: path.key("reinvocationPolicy")))
        }
        let client = webhook["clientConfig"]
        let clientPath = path.key("clientConfig")
        switch (client?["url"]?.stringValue, client?["service"]) {
        case (let url?, nil), (let url?, .null?): errors.append(webhookURL(url, at: clientPath.key("url")))
        case (nil, let service?) where !service.isNull: errors.append(webhookService(service, at: clientPath.key("service")))
        default: errors.required(clientPath, "exactly one of url or service is required")
        }
        errors.append(matchConditions(webhook["matchConditions"], variables: ["object", "oldObject", "request", "authorizer"],
                                      at: path.key("matchConditions")))
        return errors
    }

    /// A webhook is named like a domain with at least three segments.
    private static func fullyQualifiedName(_ name: String, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        guard !name.isEmpty else {
            errors.required(path)
            return errors
        }
        let details = NameRules.dns1123Subdomain(name)
        if !details.isEmpty {
            errors.invalid(path, .string(name), details.joined(separator: ","))
        } else if name.split(separator: ".", omittingEmptySubsequences: false).count < 3 {
            errors.invalid(path, .string(name), "should be a domain with at least three segments separated by dots")
        }
        return errors
    }

    private static func admissionReviewVersions(_ versions: JSONValue?, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        let list = versions?.arrayValue?.compactMap(\.stringValue) ?? []
        guard !list.isEmpty else {
            errors.required(path, "must specify one of v1, v1beta1")
            return errors
        }
        var seen = Set<String>()
        for (index, version) in list.enumerated() {
            guard seen.insert(version).inserted else {
                errors.invalid(path.index(index), .string(version), "duplicate version")
                continue
            }
            errors.invalid(path.index(index), version, details: NameRules.dns1035Label(version))
        }
        if !list.contains(where: { ["v1", "v1beta1"].contains($0) }) {
            errors.invalid(path, .array(list.map(JSONValue.string)), "must include at least one of v1, v1beta1")
        }
        return errors
    }

    /// `https://host[/path]` without user information, query or fragment.
    private static func webhookURL(_ text: String, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        guard let url = URLComponents(string: text) else {
            errors.invalid(path, .string(text), "url must be a valid URL")
            return errors
        }
        if url.scheme != "https" {
            errors.invalid(path, .string(url.scheme ?? ""), "'https' is the only allowed URL scheme; desired format: https://host[/path]")
        }
        if (url.host ?? "").isEmpty { errors.invalid(path, .string(url.host ?? ""), "host must be specified") }
        if url.user != nil { errors.invalid(path, .string(url.user ?? ""), "user information is not permitted in the URL") }
        if let fragment = url.fragment, !fragment.isEmpty { errors.invalid(path, .string(fragment), "fragments are not permitted in the URL") }
        if let query = url.query, !query.isEmpty { errors.invalid(path, .string(query), "query parameters are not permitted in the URL") }
        return errors
    }

    private static func webhookService(_ service: JSONValue, at path: FieldPath) -> FieldErrors {
        var errors = FieldErrors()
        if (service["name"]?.stringValue ?? "").isEmpty { errors.required(path.key("name"), "service name is required") }
        if (service["namespace"]?.stringValue ?? "").isEmpty { errors.required(path.key("namespace"), "service namespace is required") }
        if let port = service["port"]?.intValue, !(1...65535).contains(port) {
            errors.invalid(path.key("port"), .integer(port), "port is not valid: must be between 1 and 65535, inclusive")
        }
        if let servicePath = service["path"]?.stringValue, servicePath != "/" {
            if !servicePath.hasPrefix("/") {
                errors.invalid(path.key("path"), .string(servicePath), "must start with a '/'")
            } else {
                let segments = servicePath.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
                for (index, segment) in segments.enumerated() where segment.isEmpty {
                    errors.invalid(path.key("path"), .string(servicePath), "segment[\(index)] may not be empty")
                }
            }
        }
        return errors
    }
}
