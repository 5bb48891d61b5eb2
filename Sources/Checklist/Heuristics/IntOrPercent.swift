import KubeModel

/// A count or a percentage of replicas (`1`, `"25%"`), as PDBs and rollout strategies take them.
enum IntOrPercent: Sendable, Hashable, CustomStringConvertible {
    case count(Int)
    case percent(Int)

    /// nil when the value is neither an integer nor `N%`.
    init?(_ value: JSONValue?) {
        if let count = value?.intValue {
            self = .count(count)
        } else if let text = value?.stringValue, text.hasSuffix("%"), let percent = Int(text.dropLast()) {
            self = .percent(percent)
        } else if let text = value?.stringValue, let count = Int(text) {
            self = .count(count)
        } else {
            return nil
        }
    }

    init(_ value: IntOrString) {
        switch value {
        case .int(let count): self = .count(count)
        case .string(let text): self = IntOrPercent(JSONValue.string(text)) ?? .count(0)
        }
    }

    /// The number of replicas out of `total`, rounding a percentage up or down.
    func scaled(to total: Int, roundUp: Bool) -> Int {
        switch self {
        case .count(let count): return count
        case .percent(let percent):
            let product = percent * total
            return roundUp ? (product + 99) / 100 : product / 100
        }
    }

    var description: String {
        switch self {
        case .count(let count): return String(count)
        case .percent(let percent): return "\(percent)%"
        }
    }

    /// Why a disruption budget can never allow an eviction of `replicas` pods, completing
    /// "spec.minAvailable ..."; nil when it can. Percentages round up, as the disruption controller does.
    static func evictionBlock(minAvailable: IntOrPercent?, maxUnavailable: IntOrPercent?, replicas: Int)
        -> (field: String, problem: String)?
    {
        if let minAvailable, minAvailable.scaled(to: replicas, roundUp: true) >= replicas {
            return ("minAvailable", "is \(minAvailable) with \(replicas) replica\(replicas == 1 ? "" : "s"): no pod can ever be evicted, so node drains hang")
        }
        if let maxUnavailable, maxUnavailable.scaled(to: replicas, roundUp: true) <= 0 {
            return ("maxUnavailable", "is \(maxUnavailable): no pod can ever be evicted, so node drains hang")
        }
        return nil
    }
}
