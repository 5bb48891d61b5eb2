import Foundation

/// metav1.MicroTime, as Leases and events.k8s.io Events carry it: `2006-01-02T15:04:05.000000Z07:00`
/// (always written in UTC, with microseconds).
public enum MicroTime {
    public static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let micros = min(999_999, Int(((date.timeIntervalSince1970 - seconds) * 1_000_000).rounded()))
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withFullTime, .withColonSeparatorInTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        var text = formatter.string(from: Date(timeIntervalSince1970: seconds))
        if text.hasSuffix("Z") { text.removeLast() }
        let fraction = String(micros)
        return text + "." + String(repeating: "0", count: 6 - fraction.count) + fraction + "Z"
    }

    /// Reads a MicroTime or a metav1.Time (RFC 3339, with or without fractional seconds).
    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
