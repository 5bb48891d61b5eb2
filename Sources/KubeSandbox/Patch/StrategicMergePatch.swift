import KubeModel
import KubeSchema

/// Strategic merge patch (`application/strategic-merge-patch+json`), as the API server applies it
/// to built-in kinds: the published schema's `x-kubernetes-patch-strategy` and
/// `x-kubernetes-patch-merge-key` say which lists merge (by key, or by value for scalars) and
/// which are replaced; `null` deletes; the directives `$patch` (replace, delete), `$retainKeys`,
/// `$setElementOrder/<list>` and `$deleteFromPrimitiveList/<list>` are honoured. Without a schema
/// (a sandbox started without the OpenAPI documents) every list is replaced.
struct StrategicMergePatch {
    let fields: FieldSet

    static let directive = "$patch"
    static let retainKeys = "$retainKeys"
    static let setElementOrder = "$setElementOrder/"
    static let deleteFromPrimitiveList = "$deleteFromPrimitiveList/"

    /// `patch` applied to `original`, navigated alongside `schema` (the kind's schema, or nil).
    func apply(_ patch: JSONValue, to original: JSONValue, schema: JSONValue?) throws(SandboxError) -> JSONValue {
        guard let patchObject = patch.objectValue else { throw .api(.badRequest("a strategic merge patch must be a JSON object")) }
        return .object(try mergeMap(original.objectValue ?? JSONObject(), patchObject, schema: schema))
    }

    private func mergeMap(_ original: JSONObject, _ patch: JSONObject, schema: JSONValue?) throws(SandboxError) -> JSONObject {
        var patch = patch
        if let directive = patch[Self.directive] {
            switch directive.stringValue {
            case "replace":
                patch[Self.directive] = nil
                return try mergeMap(JSONObject(), patch, schema: schema)
            case "delete": return JSONObject()
            default: throw .api(Self.badPatchType(directive))
            }
        }
        var result = original
        if let retained = patch[Self.retainKeys] {
            patch[Self.retainKeys] = nil
            guard let names = retained.arrayValue?.compactMap(\.stringValue) else {
                throw .api(.badRequest("invalid patch: $retainKeys must be a list of field names"))
            }
            for (key, value) in patch where !value.isNull && !key.hasPrefix("$") && !names.contains(key) {
                throw .api(.unprocessable("The content of the patch does not match the $retainKeys directive: \(key) is not listed"))
            }
            for key in result.keys where !names.contains(key) { result[key] = nil }
        }
        for (key, order) in patch where key.hasPrefix(Self.setElementOrder) {
            patch[key] = nil
            let name = String(key.dropFirst(Self.setElementOrder.count))
            let childSchema = fields.child(schema, name)
            guard let orderList = order.arrayValue else { throw .api(.badRequest("invalid patch: \(key) must be a list")) }
            let merged: [JSONValue]?
            switch (result[name]?.arrayValue, patch[name]?.arrayValue) {
            case (let current?, let changes?): merged = try mergeList(current, changes, schema: childSchema)
            case (let current?, nil): merged = current
            case (nil, let changes?): merged = try mergeList([], changes, schema: childSchema)
            case (nil, nil): merged = nil
            }
            patch[name] = nil
            guard let merged else { continue }
            let key = Self.mergeKey(childSchema, fields: fields)
            let inOrder = merged.filter { item in orderList.contains { Self.sameElement($0, item, key: key) } }
            let serverOnly = merged.filter { item in !orderList.contains { Self.sameElement($0, item, key: key) } }
            result[name] = .array(Self.interleaved(Self.sorted(inOrder, by: orderList, key: key),
                                                   serverOnly, serverOrder: result[name]?.arrayValue ?? [], key: key))
        }
        for (key, value) in patch {
            if key.hasPrefix(Self.deleteFromPrimitiveList) {
                let name = String(key.dropFirst(Self.deleteFromPrimitiveList.count))
                guard let removals = value.arrayValue else { throw .api(.badRequest("invalid patch: \(key) must be a list")) }
                if let current = result[name]?.arrayValue { result[name] = .array(current.filter { !removals.contains($0) }) }
                continue
            }
            if key.hasPrefix("$") { continue }
            if value.isNull {
                result[key] = nil
                continue
            }
            let childSchema = fields.child(schema, key)
            switch (result[key], value) {
            case (.object(let current)?, .object(let changes)):
                result[key] = Self.strategy(childSchema, fields: fields).contains("replace")
                    ? .object(try mergeMap(JSONObject(), changes, schema: childSchema))
                    : .object(try mergeMap(current, changes, schema: childSchema))
            case (.array(let current)?, .array(let changes)):
                result[key] = .array(try mergeList(current, changes, schema: childSchema))
            case (_, .object(let changes)):
                result[key] = .object(try mergeMap(JSONObject(), changes, schema: childSchema))
            case (_, .array(let changes)):
                result[key] = .array(try mergeList([], changes, schema: childSchema))
            default:
                result[key] = value
            }
        }
        return result
    }

    /// A list merged per its patch strategy: replaced, merged by value (scalars) or by merge key.
    private func mergeList(_ original: [JSONValue], _ patch: [JSONValue], schema: JSONValue?) throws(SandboxError) -> [JSONValue] {
        guard Self.strategy(schema, fields: fields).contains("merge") else {
            return try patch.map { item throws(SandboxError) in try Self.withoutDirectives(item, fields: fields, schema: fields.itemSchema(schema)) }
        }
        let isMaps = patch.contains { $0.objectValue != nil } || original.contains { $0.objectValue != nil }
        guard isMaps else {
            var merged = original
            for item in patch where !merged.contains(item) { merged.append(item) }
            let fromPatch = merged.filter { patch.contains($0) }
            let serverOnly = merged.filter { !patch.contains($0) }
            return Self.interleaved(Self.sorted(fromPatch, by: patch, key: nil), serverOnly, serverOrder: original, key: nil)
        }
        guard let key = Self.mergeKey(schema, fields: fields) else {
            throw .api(Self.internalError("cannot merge lists without merge key"))
        }
        let itemSchema = fields.itemSchema(schema)
        var current = original
        var changes: [JSONValue] = []
        var replace = false
        for item in patch {
            guard let object = item.objectValue else { throw .api(.badRequest("invalid patch: list item \(item.jsonText()) is not an object")) }
            guard let directive = object[Self.directive] else {
                guard object[key] != nil else { throw .api(Self.missingMergeKey(item, key)) }
                changes.append(item)
                continue
            }
            switch directive.stringValue {
            case "delete":
                guard let value = object[key] else { throw .api(Self.missingMergeKey(item, key)) }
                current.removeAll { $0[key] == value }
            case "replace": replace = true
            case "merge": throw .api(Self.internalError("merging lists cannot yet be specified in the patch"))
            default: throw .api(Self.badPatchType(directive))
            }
        }
        if replace {
            return try changes.map { item throws(SandboxError) in try Self.withoutDirectives(item, fields: fields, schema: itemSchema) }
        }
        for item in changes {
            guard let patchObject = item.objectValue else { continue }
            if let index = current.firstIndex(where: { $0[key] == item[key] }) {
                current[index] = .object(try mergeMap(current[index].objectValue ?? JSONObject(), patchObject, schema: itemSchema))
            } else {
                current.append(.object(try mergeMap(JSONObject(), patchObject, schema: itemSchema)))
            }
        }
        let fromPatch = current.filter { item in changes.contains { $0[key] == item[key] } }
        let serverOnly = current.filter { item in !changes.contains { $0[key] == item[key] } }
        return Self.interleaved(Self.sorted(fromPatch, by: changes, key: key), serverOnly, serverOrder: original, key: key)
    }

    /// A patch value with its directives resolved against nothing (a new or replaced value).
    private static func withoutDirectives(_ value: JSONValue, fields: FieldSet, schema: JSONValue?) throws(SandboxError) -> JSONValue {
        guard let object = value.objectValue else { return value }
        return .object(try StrategicMergePatch(fields: fields).mergeMap(JSONObject(), object, schema: schema))
    }

    static func strategy(_ schema: JSONValue?, fields: FieldSet) -> [String] {
        guard let schema else { return [] }
        let text = schema["x-kubernetes-patch-strategy"]?.stringValue
            ?? fields.validator.resolved(schema)["x-kubernetes-patch-strategy"]?.stringValue ?? ""
        return text.split(separator: ",").map(String.init)
    }

    static func mergeKey(_ schema: JSONValue?, fields: FieldSet) -> String? {
        guard let schema else { return nil }
        return schema["x-kubernetes-patch-merge-key"]?.stringValue
            ?? fields.validator.resolved(schema)["x-kubernetes-patch-merge-key"]?.stringValue
    }

    private static func sameElement(_ lhs: JSONValue, _ rhs: JSONValue, key: String?) -> Bool {
        guard let key else { return lhs == rhs }
        return lhs[key] != nil && lhs[key] == rhs[key]
    }

    /// `items` stably sorted by where they appear in `order`; items not in `order` go last.
    private static func sorted(_ items: [JSONValue], by order: [JSONValue], key: String?) -> [JSONValue] {
        let position = { (item: JSONValue) in order.firstIndex { sameElement($0, item, key: key) } ?? Int.max }
        return items.enumerated().sorted { lhs, rhs in
            let (left, right) = (position(lhs.element), position(rhs.element))
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Server-only items woven into the patch's items: a server-only item goes first only when
    /// both it and the next patch item were in the live list and it came before.
    private static func interleaved(_ patchItems: [JSONValue], _ serverOnly: [JSONValue], serverOrder: [JSONValue],
                                    key: String?) -> [JSONValue] {
        let position = { (item: JSONValue) in serverOrder.firstIndex { sameElement($0, item, key: key) } }
        var result: [JSONValue] = []
        var (left, right) = (serverOnly[...], patchItems[...])
        while let server = left.first, let patched = right.first {
            if let l = position(server), let r = position(patched), l < r {
                result.append(server)
                left = left.dropFirst()
            } else {
                result.append(patched)
                right = right.dropFirst()
            }
        }
        return result + right + left
    }

    /// A patch the merge code cannot apply: the API server passes such errors on as a 500 without a reason.
    private static func internalError(_ message: String) -> APIStatus {
        APIStatus(code: 500, reason: "", message: message)
    }

    private static func badPatchType(_ directive: JSONValue) -> APIStatus {
        internalError("Unknown patch type: \(directive.stringValue ?? directive.jsonText())")
    }

    private static func missingMergeKey(_ item: JSONValue, _ key: String) -> APIStatus {
        internalError("map: \(item.jsonText()) does not contain declared merge key: \(key)")
    }
}
