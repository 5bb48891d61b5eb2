import Foundation
import KubeModel

/// The `meta.k8s.io/v1` Table `kubectl get` asks for, built from a CRD's printer columns: a
/// Name column, then each column's JSONPath evaluated on the object (dates as ages, as the API
/// server prints them), and each row's object as PartialObjectMetadata.
struct TableView {
    let type: ResourceType
    /// When ages are measured from (the sandbox's wall clock unless a test fixes it).
    let now: Date

    init(type: ResourceType, now: Date = Date()) {
        self.type = type
        self.now = now
    }

    func table(_ objects: [JSONValue], resourceVersion: String?) -> JSONValue {
        var definitions: [JSONValue] = [[
            "name": "Name", "type": "string", "format": "name", "priority": 0,
            "description": "Name must be unique within a namespace.",
        ]]
        for column in type.printerColumns {
            var definition: JSONObject = [
                "name": column["name"] ?? "", "type": column["type"] ?? "string", "format": column["format"] ?? "",
                "description": column["description"] ?? "", "priority": column["priority"] ?? 0,
            ]
            if definition["format"] == "" { definition["format"] = nil }
            definitions.append(.object(definition))
        }
        let rows: [JSONValue] = objects.map { object in
            let cells = [object["metadata"]?["name"] ?? .null] + type.printerColumns.map { cell(for: $0, in: object) }
            return ["cells": .array(cells), "object": Responses.partialMetadata(object)]
        }
        var metadata = JSONObject()
        if let resourceVersion { metadata["resourceVersion"] = .string(resourceVersion) }
        return ["kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": .object(metadata),
                "columnDefinitions": .array(definitions), "rows": .array(rows)]
    }

    private func cell(for column: JSONValue, in object: JSONValue) -> JSONValue {
        let values = JSONPathLite(column["jsonPath"]?.stringValue ?? "").evaluate(on: object)
        guard let first = values.first else { return .null }
        if column["type"]?.stringValue == "date", let text = first.stringValue {
            return .string(ISO8601DateFormatter().date(from: text).map { Self.age(now.timeIntervalSince($0)) } ?? text)
        }
        guard values.count > 1 else { return first }
        return .string(values.map { $0.stringValue ?? $0.jsonText() }.joined(separator: ","))
    }

    /// How long ago, as kubectl prints ages: `45s`, `3m12s`, `40m`, `5h3m`, `20h`, `3d4h`, `90d`, `2y`.
    static func age(_ interval: TimeInterval) -> String {
        let seconds = max(0, Int(interval))
        let minutes = seconds / 60, hours = minutes / 60, days = hours / 24
        switch seconds {
        case ..<120: return "\(seconds)s"
        case ..<600: return seconds % 60 == 0 ? "\(minutes)m" : "\(minutes)m\(seconds % 60)s"
        case ..<10_800: return "\(minutes)m"
        case ..<28_800: return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h\(minutes % 60)m"
        case ..<172_800: return "\(hours)h"
        case ..<691_200: return hours % 24 == 0 ? "\(days)d" : "\(days)d\(hours % 24)h"
        case ..<63_072_000: return "\(days)d"
        default: return "\(days / 365)y"
        }
    }
}

/// The JSONPath forms printer columns use: `.a.b`, `[2]`, `[*]` and `[?(@.key=="value")]`.
struct JSONPathLite {
    enum Step: Equatable {
        case key(String)
        case index(Int)
        case all
        case filter(key: String, equals: String)
    }

    let steps: [Step]

    init(_ text: String) {
        var steps: [Step] = []
        var rest = Substring(text.hasPrefix("{") && text.hasSuffix("}") ? String(text.dropFirst().dropLast()) : text)
        while !rest.isEmpty {
            if rest.hasPrefix(".") {
                rest = rest.dropFirst()
                let name = rest.prefix { $0 != "." && $0 != "[" }
                if !name.isEmpty { steps.append(.key(String(name))) }
                rest = rest.dropFirst(name.count)
            } else if rest.hasPrefix("["), let close = Self.closingBracket(in: rest) {
                let inner = rest[rest.index(after: rest.startIndex)..<close]
                steps.append(Self.bracket(inner))
                rest = rest[rest.index(after: close)...]
            } else {
                let name = rest.prefix { $0 != "." && $0 != "[" }
                steps.append(.key(String(name)))
                rest = rest.dropFirst(max(name.count, 1))
            }
        }
        self.steps = steps
    }

    func evaluate(on value: JSONValue) -> [JSONValue] {
        var current = [value]
        for step in steps {
            current = current.flatMap { value -> [JSONValue] in
                switch step {
                case .key(let key): return value[key].map { [$0] } ?? []
                case .index(let index):
                    guard let array = value.arrayValue, array.indices.contains(index) else { return [] }
                    return [array[index]]
                case .all: return value.arrayValue ?? value.objectValue.map { $0.map(\.value) } ?? []
                case .filter(let key, let expected):
                    return (value.arrayValue ?? []).filter { element in
                        guard let actual = element[key] else { return false }
                        return (actual.stringValue ?? actual.jsonText()) == expected
                    }
                }
            }
        }
        return current
    }

    private static func closingBracket(in text: Substring) -> Substring.Index? {
        var depth = 0
        for index in text.indices {
            if text[index] == "[" { depth += 1 }
            if text[index] == "]" { depth -= 1; if depth == 0 { return index } }
        }
        return nil
    }

    private static func bracket(_ inner: Substring) -> Step {
        if inner == "*" { return .all }
        if let index = Int(inner) { return .index(index) }
        // ?(@.key=="value") or ?(@.key=='value')
        guard inner.hasPrefix("?(@."), inner.hasSuffix(")"), let equals = inner.firstRange(of: "==") else { return .all }
        let key = inner[inner.index(inner.startIndex, offsetBy: 4)..<equals.lowerBound]
        var expected = inner[equals.upperBound..<inner.index(before: inner.endIndex)]
        if let first = expected.first, first == "\"" || first == "'", expected.count >= 2 { expected = expected.dropFirst().dropLast() }
        return .filter(key: String(key), equals: String(expected))
    }
}
