import KubeModel

/// Jobs and CronJobs (`pkg/apis/batch/validation`).
extension Validation {
    static func job(_ object: JSONValue, old: JSONValue?) -> FieldErrors {
        var errors = jobSpec(object["spec"], at: FieldPath().key("spec"))
        if let old {
            for field in ["selector", "template", "completionMode"] {
                let value = object["spec"]?[field] ?? .null
                if value != (old["spec"]?[field] ?? .null) {
                    errors.invalid(FieldPath().key("spec").key(field), value, "field is immutable")
                }
            }
        }
        return errors
    }

    static func jobSpec(_ spec: JSONValue?, at path: FieldPath) -> FieldErrors {
        var errors = nonNegative(spec, ["parallelism", "completions", "backoffLimit", "ttlSecondsAfterFinished"], at: path)
        if let seconds = spec?["activeDeadlineSeconds"]?.intValue, seconds <= 0 {
            errors.invalid(path.key("activeDeadlineSeconds"), .integer(seconds), "must be greater than 0")
        }
        if let mode = spec?["completionMode"]?.stringValue, !["NonIndexed", "Indexed"].contains(mode) {
            errors.notSupported(path.key("completionMode"), .string(mode), ["NonIndexed", "Indexed"])
        }
        let template = spec?["template"]
        errors.append(podTemplate(template, at: path.key("template")))
        let policy = template?["spec"]?["restartPolicy"]?.stringValue ?? "Always"
        if policy != "OnFailure" && policy != "Never" {
            errors.required(path.key("template").key("spec").key("restartPolicy"), "valid values: \"OnFailure\", \"Never\"")
        }
        return errors
    }

    static func cronJob(_ object: JSONValue) -> FieldErrors {
        var errors = FieldErrors()
        let path = FieldPath().key("spec")
        let spec = object["spec"]
        if let name = object["metadata"]?["name"]?.stringValue, name.count > 52 {
            errors.invalid(FieldPath().key("metadata").key("name"), .string(name), "must be no more than 52 characters")
        }
        let schedule = spec?["schedule"]?.stringValue ?? ""
        if schedule.isEmpty {
            errors.required(path.key("schedule"))
        } else if let problem = CronSchedule.problem(schedule) {
            errors.invalid(path.key("schedule"), .string(schedule), problem)
        }
        let policies = ["Allow", "Forbid", "Replace"]
        if let policy = spec?["concurrencyPolicy"]?.stringValue, !policies.contains(policy) {
            errors.notSupported(path.key("concurrencyPolicy"), .string(policy), policies)
        }
        errors.append(nonNegative(spec, ["startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit"], at: path))
        errors.append(jobSpec(spec?["jobTemplate"]?["spec"], at: path.key("jobTemplate").key("spec")))
        return errors
    }
}

/// The standard five-field cron syntax (and `@hourly`-style descriptors) CronJobs accept.
enum CronSchedule {
    private static let descriptors: Set<String> = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    /// What is wrong with `schedule`, or nil when it parses.
    static func problem(_ schedule: String) -> String? {
        let text = schedule.trimmingWhitespace
        if text.hasPrefix("TZ=") || text.hasPrefix("CRON_TZ=") {
            return "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"
        }
        if text.hasPrefix("@") {
            if descriptors.contains(text) || text.hasPrefix("@every ") { return nil }
            return "unrecognized descriptor: \(text)"
        }
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else {
            return "expected exactly 5 fields, found \(fields.count): [\(fields.joined(separator: " "))]"
        }
        let bounds: [(ClosedRange<Int>, [String], Int)] = [(0...59, [], 0), (0...23, [], 0), (1...31, [], 0), (1...12, months, 1), (0...6, days, 0)]
        for (field, (range, names, offset)) in zip(fields, bounds) {
            if let problem = fieldProblem(field, range: range, names: names, offset: offset) { return problem }
        }
        return nil
    }

    private static func fieldProblem(_ field: String, range: ClosedRange<Int>, names: [String], offset: Int) -> String? {
        for part in field.split(separator: ",", omittingEmptySubsequences: false) {
            let stepParts = part.split(separator: "/", omittingEmptySubsequences: false)
            guard stepParts.count <= 2 else { return "too many slashes: \(part)" }
            if stepParts.count == 2, Int(stepParts[1]).map({ $0 > 0 }) != true {
                return "failed to parse int from \(stepParts[1])"
            }
            let span = stepParts[0]
            if span == "*" || span == "?" { continue }
            let ends = span.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count <= 2 else { return "too many hyphens: \(span)" }
            var values: [Int] = []
            for end in ends {
                guard let value = Int(end) ?? names.firstIndex(of: end.lowercased()).map({ $0 + offset }) else {
                    return "failed to parse int from \(end)"
                }
                values.append(value)
            }
            if let low = values.first, low < range.lowerBound { return "beginning of range (\(low)) below minimum (\(range.lowerBound)): \(span)" }
            if let high = values.last, high > range.upperBound { return "end of range (\(high)) above maximum (\(range.upperBound)): \(span)" }
            if values.count == 2, values[0] > values[1] { return "beginning of range (\(values[0])) beyond end of range (\(values[1])): \(span)" }
        }
        return nil
    }
}
