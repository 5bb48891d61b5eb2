import KubeModel

/// What each field manager owns, as JSON a store can keep and read back exactly.
extension AppliedIntent {
    /// `[{manager, operation, apiVersion, time, subresource?, paths: [[{"f": name} | {"k": {...}} | {"v": value}]]}]`.
    static func storageJSON(_ applied: [String: AppliedIntent]) -> JSONValue {
        .array(applied.keys.sorted().compactMap { applied[$0] }.map { intent in
            var entry: JSONObject = [
                "manager": .string(intent.manager), "operation": .string(intent.operation.rawValue),
                "apiVersion": .string(intent.apiVersion), "time": .string(intent.time),
                "paths": .array(intent.fields.map { path in .array(path.map(Self.stepJSON)) }),
            ]
            if let subresource = intent.subresource { entry["subresource"] = .string(subresource) }
            return .object(entry)
        })
    }

    /// The intents `storageJSON` wrote, keyed as `StoredObject.applied`; nil for anything else.
    static func fromStorageJSON(_ value: JSONValue) -> [String: AppliedIntent]? {
        guard let entries = value.arrayValue else { return nil }
        var applied: [String: AppliedIntent] = [:]
        for entry in entries {
            guard let manager = entry["manager"]?.stringValue,
                  let operation = entry["operation"]?.stringValue.flatMap(Operation.init(rawValue:)),
                  let apiVersion = entry["apiVersion"]?.stringValue, let time = entry["time"]?.stringValue,
                  let paths = entry["paths"]?.arrayValue else { return nil }
            var fields = Set<[PathStep]>()
            for path in paths {
                guard let steps = path.arrayValue?.map(Self.step), !steps.contains(nil) else { return nil }
                fields.insert(steps.compactMap { $0 })
            }
            let intent = AppliedIntent(manager: manager, operation: operation, apiVersion: apiVersion, time: time, fields: fields,
                                       subresource: entry["subresource"]?.stringValue)
            applied[intent.key] = intent
        }
        return applied
    }

    private static func stepJSON(_ step: PathStep) -> JSONValue {
        switch step {
        case .field(let name): return ["f": .string(name)]
        case .element(let identity): return ["k": .object(identity)]
        case .value(let value): return ["v": value]
        }
    }

    private static func step(_ value: JSONValue) -> PathStep? {
        if let name = value["f"]?.stringValue { return .field(name) }
        if let identity = value["k"]?.objectValue { return .element(identity) }
        if let member = value["v"] { return .value(member) }
        return nil
    }
}
