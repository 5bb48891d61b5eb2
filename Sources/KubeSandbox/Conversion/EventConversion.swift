import KubeModel

/// `events.k8s.io/v1` Events are core `v1` Events seen through other field names: one store,
/// kept in the core form, two views.
enum EventConversion {
    /// core field ↔ events.k8s.io field.
    static let renamed: [(core: String, events: String)] = [
        ("involvedObject", "regarding"), ("message", "note"), ("reportingComponent", "reportingController"),
        ("source", "deprecatedSource"), ("firstTimestamp", "deprecatedFirstTimestamp"),
        ("lastTimestamp", "deprecatedLastTimestamp"), ("count", "deprecatedCount"),
    ]

    /// Whether `type` is the events.k8s.io view of the shared store.
    static func isEventsView(_ type: ServedResource) -> Bool { type.group == "events.k8s.io" && type.plural == "events" }

    /// A core Event as events.k8s.io/v1 serves it.
    static func eventsView(_ core: JSONValue) -> JSONValue {
        guard case .object(let object) = core else { return core }
        var result = JSONObject()
        for (key, value) in object {
            let name = renamed.first { $0.core == key }?.events ?? key
            if name == "deprecatedCount", value.intValue == 0 { continue }
            if name == "reportingController" || name == "reportingInstance", value.stringValue == "" { continue }
            result[name] = value
        }
        if result["deprecatedSource"] == nil { result["deprecatedSource"] = .object([:]) }
        for key in ["deprecatedFirstTimestamp", "deprecatedLastTimestamp"] where result[key] == nil { result[key] = .null }
        return .object(result)
    }

    /// An events.k8s.io/v1 Event in the core form it is stored in.
    static func coreForm(_ events: JSONValue) -> JSONValue {
        guard case .object(let object) = events else { return events }
        var result = JSONObject()
        for (key, value) in object {
            result[renamed.first { $0.events == key }?.core ?? key] = value
        }
        return withCoreDefaults(.object(result))
    }

    /// The fields a core Event always carries, null or empty when unset.
    static func withCoreDefaults(_ core: JSONValue) -> JSONValue {
        var core = core
        if core["source"] == nil { core["source"] = .object([:]) }
        for key in ["firstTimestamp", "lastTimestamp", "eventTime"] where core[key] == nil { core[key] = .null }
        for key in ["reportingComponent", "reportingInstance"] where core[key] == nil { core[key] = "" }
        return core
    }
}
