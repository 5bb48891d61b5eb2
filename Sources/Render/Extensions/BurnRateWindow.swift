import Foundation

/// One row of the SRE workbook's multi-window multi-burn-rate alerting table ("Alerting on
/// SLOs", table 5-8): alert when the error ratio over both a long and a short window exceeds a
/// burn rate, the rate at which `budgetSpent` of the budget goes in the long window. The short
/// window (1/12 of the long one) lets the alert resolve soon after the burn stops.
struct BurnRateWindow: Sendable {
    enum Severity: String, Sendable {
        /// Someone must act now.
        case page
        /// Someone must act within days.
        case ticket

        /// The `severity` label, in the ecosystem's words (kube-prometheus routes `critical` to pagers).
        var label: String { self == .page ? "critical" : "warning" }
    }

    let severity: Severity
    let long: PromDuration
    let short: PromDuration
    /// The share of the window's budget that, spent within `long`, alerts.
    let budgetSpent: Decimal

    /// The workbook's two pages (2% of the budget in 1h, 5% in 6h) and its 3-day ticket (10% in
    /// 3d), with the 1-day ticket (10% in 1d) tools such as Sloth add between them. For a 30-day
    /// window the burn rates are the workbook's 14.4×, 6×, 3× and 1×.
    static let table: [BurnRateWindow] = [
        BurnRateWindow(severity: .page, long: .hours(1), short: .minutes(5), budgetSpent: Decimal(string: "0.02") ?? 0),
        BurnRateWindow(severity: .page, long: .hours(6), short: .minutes(30), budgetSpent: Decimal(string: "0.05") ?? 0),
        BurnRateWindow(severity: .ticket, long: .days(1), short: .hours(2), budgetSpent: Decimal(string: "0.1") ?? 0),
        BurnRateWindow(severity: .ticket, long: .days(3), short: .hours(6), budgetSpent: Decimal(string: "0.1") ?? 0),
    ]

    /// Every window the alerts read, shortest first: the recording rules' windows.
    static let recordedWindows: [PromDuration] = Set(table.flatMap { [$0.long, $0.short] }).sorted()

    /// The burn rate for an SLO window of `days`: budgetSpent × window ÷ long window, to 4 decimals.
    func burnRate(windowDays: Int) -> Decimal {
        var exact = budgetSpent * Decimal(windowDays * 24 * 60) / Decimal(long.minutes)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &exact, 4, .plain)
        return rounded
    }
}

/// A Prometheus duration of whole minutes, hours or days, written as Prometheus writes it.
struct PromDuration: Sendable, Hashable, Comparable {
    let minutes: Int

    static func minutes(_ count: Int) -> PromDuration { PromDuration(minutes: count) }
    static func hours(_ count: Int) -> PromDuration { PromDuration(minutes: count * 60) }
    static func days(_ count: Int) -> PromDuration { PromDuration(minutes: count * 24 * 60) }

    /// `5m`, `1h`, `3d`.
    var text: String {
        if minutes % (24 * 60) == 0 { return "\(minutes / (24 * 60))d" }
        if minutes % 60 == 0 { return "\(minutes / 60)h" }
        return "\(minutes)m"
    }

    static func < (lhs: PromDuration, rhs: PromDuration) -> Bool { lhs.minutes < rhs.minutes }
}
