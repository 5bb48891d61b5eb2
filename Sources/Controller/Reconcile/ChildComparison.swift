import KubeModel

/// Decides whether a child object needs a server-side apply, so a no-op reconcile writes nothing.
///
/// Two checks, both needed:
/// - the hash of the desired object, stored on the child as `shipshape.dev/applied-hash` when it
///   was last applied, catches changes to what Shipshape wants, including removed fields (which a
///   comparison against the live object alone cannot see: the server keeps them until applied);
/// - every field Shipshape sets must still hold its value in the live object, which catches
///   edits made by hand. Fields the server or others add (defaults, status) are ignored.
public enum ChildComparison {
    public static let hashAnnotation = "shipshape.dev/applied-hash"

    /// The desired object with its hash annotation, ready to apply.
    public static func stamped(_ desired: JSONValue) -> JSONValue {
        var stamped = desired
        var metadata = stamped["metadata"]?.objectValue ?? [:]
        var annotations = metadata["annotations"]?.objectValue ?? [:]
        annotations[hashAnnotation] = .string(hash(of: desired))
        metadata["annotations"] = .object(annotations)
        stamped["metadata"] = .object(metadata)
        return stamped
    }

    /// Whether `observed` already is what applying `desired` would produce.
    public static func isUpToDate(desired: JSONValue, observed: JSONValue) -> Bool {
        guard observed["metadata"]?["annotations"]?[hashAnnotation]?.stringValue == hash(of: desired) else { return false }
        return contains(observed, stamped(desired))
    }

    /// A stable hash of the object's canonical JSON (FNV-1a, 64 bits, hex).
    public static func hash(of value: JSONValue) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in canonical(value).jsonText().utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The value with object keys sorted, so key order never changes the hash.
    private static func canonical(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            return .object(JSONObject(object.keys.sorted().compactMap { key in object[key].map { (key, canonical($0)) } }))
        case .array(let array): return .array(array.map(canonical))
        default: return value
        }
    }

    /// Whether every field of `subset` holds the same value in `value` (arrays element by element).
    static func contains(_ value: JSONValue, _ subset: JSONValue) -> Bool {
        switch (value, subset) {
        case (.object(let object), .object(let wanted)):
            return wanted.allSatisfy { member in
                guard let actual = object[member.key] else { return member.value.isEmptyCollection }
                return contains(actual, member.value)
            }
        case (.array(let array), .array(let wanted)):
            return array.count == wanted.count && zip(array, wanted).allSatisfy { contains($0, $1) }
        case (.string(let actual), .string(let wanted)):
            return actual == wanted || sameQuantity(actual, wanted)
        case (.integer, .string(let wanted)), (.number, .string(let wanted)):
            return value.doubleValue.map { Quantity.parse(wanted) == $0 } ?? false
        default:
            return value == subset || (value.doubleValue != nil && value.doubleValue == subset.doubleValue)
        }
    }

    /// The API server rewrites quantities canonically ("1000m" becomes "1").
    private static func sameQuantity(_ a: String, _ b: String) -> Bool {
        guard let x = Quantity.parse(a), let y = Quantity.parse(b) else { return false }
        return x == y
    }
}

extension JSONValue {
    /// `{}` and `[]`, which the API server may drop rather than store.
    var isEmptyCollection: Bool {
        switch self {
        case .object(let object): return object.isEmpty
        case .array(let array): return array.isEmpty
        default: return false
        }
    }
}
