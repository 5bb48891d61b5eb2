/// A Kubernetes resource quantity (`100m`, `128Mi`, `1.5`, `2e3`), kept as written and
/// readable as a number of base units (cores, bytes).
public struct Quantity: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The quantity as written.
    public let text: String

    /// A quantity from text; nil when it is not a valid quantity.
    public init?(_ text: String) {
        guard Self.parse(text) != nil else { return nil }
        self.text = text
    }

    /// The value in base units (1 for `1`, 0.1 for `100m`, 134217728 for `128Mi`).
    public var value: Double { Self.parse(text) ?? 0 }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text: String
        if let int = try? container.decode(Int.self) {
            text = String(int)
        } else if let double = try? container.decode(Double.self) {
            text = String(double)
        } else {
            text = try container.decode(String.self)
        }
        guard Self.parse(text) != nil else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a quantity")
        }
        self.text = text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    private static let binarySuffixes: [String: Double] = [
        "Ki": 1024, "Mi": 1_048_576, "Gi": 1_073_741_824, "Ti": 1_099_511_627_776,
        "Pi": 1_125_899_906_842_624, "Ei": 1_152_921_504_606_846_976,
    ]
    private static let decimalSuffixes: [Character: Double] = [
        "n": 1e-9, "u": 1e-6, "m": 1e-3, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18,
    ]

    /// Parses a quantity to base units, following the API's grammar; nil when invalid.
    public static func parse(_ text: String) -> Double? {
        var body = Substring(text)
        var multiplier = 1.0
        if body.count >= 2, let factor = binarySuffixes[String(body.suffix(2))] {
            multiplier = factor
            body = body.dropLast(2)
        } else if let last = body.last, let factor = decimalSuffixes[last] {
            multiplier = factor
            body = body.dropLast()
        } else if let e = body.lastIndex(where: { $0 == "e" || $0 == "E" }), e != body.startIndex {
            guard let exponent = Int(body[body.index(after: e)...]), isDecimal(body[..<e]) else { return nil }
            guard let mantissa = Double(body[..<e]) else { return nil }
            return mantissa * pow10(exponent)
        }
        guard isDecimal(body), let number = Double(body) else { return nil }
        return number * multiplier
    }

    /// `[+-]?(digits(.digits?)?|.digits)`.
    private static func isDecimal(_ text: Substring) -> Bool {
        var rest = text
        if let first = rest.first, first == "+" || first == "-" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !rest.isEmpty, parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
        if parts.count == 1 { return !parts[0].isEmpty }
        return !parts[0].isEmpty || !parts[1].isEmpty
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<min(abs(exponent), 400) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}
