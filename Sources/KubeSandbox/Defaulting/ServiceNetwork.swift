/// The IPv4 range Service cluster IPs come from (`--service-cluster-ip-range`). The API server's
/// default is 10.0.0.0/24, as on the recorded cluster: 254 Services at most; larger clusters
/// (and benchmarks) configure a larger range.
public struct ServiceNetwork: Sendable, Hashable {
    let base: UInt32
    let prefixLength: Int

    /// `10.0.0.0/16`; nil unless an IPv4 network with a prefix of 8 to 30 bits.
    public init?(cidr: String) {
        let parts = cidr.split(separator: "/")
        guard parts.count == 2, let length = Int(parts[1]), (8...30).contains(length),
              let address = Self.number(String(parts[0])) else { return nil }
        let mask = UInt32.max << UInt32(32 - length)
        base = address & mask
        prefixLength = length
    }

    public static let `default` = ServiceNetwork(base: 0x0A00_0000, prefixLength: 24)

    private init(base: UInt32, prefixLength: Int) {
        self.base = base
        self.prefixLength = prefixLength
    }

    /// Host numbers that may be allocated (not the network or broadcast address).
    var hosts: ClosedRange<UInt32> { 1...((UInt32(1) << UInt32(32 - prefixLength)) - 2) }

    /// The address of host `host`: `10.0.0.1` for 1.
    func address(_ host: UInt32) -> String {
        let value = base + host
        return [24, 16, 8, 0].map { String((value >> UInt32($0)) & 0xFF) }.joined(separator: ".")
    }

    /// The host number of an address inside the network, nil outside it.
    func host(of address: String) -> UInt32? {
        guard let value = Self.number(address), value >= base, value - base < (UInt32(1) << UInt32(32 - prefixLength)) else { return nil }
        return value - base
    }

    private static func number(_ text: String) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false).map { UInt32($0) }
        guard octets.count == 4, octets.allSatisfy({ ($0 ?? 256) < 256 }) else { return nil }
        return octets.reduce(0) { ($0 << 8) | ($1 ?? 0) }
    }
}
