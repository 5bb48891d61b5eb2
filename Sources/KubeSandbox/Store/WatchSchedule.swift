import Foundation

/// When open watches get their scheduled BOOKMARKs and reach their deadline (`timeoutSeconds`),
/// on the sandbox's clock, as the API server's watch cache schedules them: a watch that allows
/// bookmarks gets one about every `frequency` (a minute) and one 2 s before its deadline, none
/// once that time has passed (so a watch shorter than 2 s gets none). Due times fall into
/// 1-second buckets counted from `origin` (the cache's creation), and a bucket is served once
/// the clock reaches its start, so a bookmark comes up to a second before its due time.
struct WatchSchedule: Sendable {
    /// Bucket boundaries are whole seconds after this instant.
    let origin: Date
    /// How often a watch that allows bookmarks gets one; nil schedules none.
    let frequency: Duration?
    /// Bucket (whole seconds after `origin`) → the watches whose next bookmark falls in it.
    private var buckets: [Int: [Int]] = [:]
    /// Buckets before this one have been served; a watch due earlier goes into this one.
    private var firstOpenBucket = 0
    /// Watch id → when it ends.
    private(set) var deadlines: [Int: Date] = [:]

    init(origin: Date, frequency: Duration?) {
        self.origin = origin
        self.frequency = frequency
    }

    /// When a watch next gets a bookmark, seen at `now`: a `frequency` from now, or 2 s before its
    /// deadline if that comes first; nil once that pre-deadline time has passed.
    static func nextBookmark(after now: Date, deadline: Date?, frequency: Duration) -> Date? {
        var next = now.addingTimeInterval(frequency.timeInterval)
        guard let deadline else { return next }
        let beforeDeadline = deadline.addingTimeInterval(-2)
        if beforeDeadline < next { next = beforeDeadline }
        return next < now ? nil : next
    }

    /// Records when watch `id` ends (nil: never) and, if it allows bookmarks, when its first one is due.
    mutating func add(_ id: Int, deadline: Date?, bookmarks: Bool, now: Date) {
        if let deadline { deadlines[id] = deadline }
        if bookmarks { scheduleBookmark(id, now: now) }
    }

    /// Queues watch `id`'s next bookmark, if it gets another one.
    mutating func scheduleBookmark(_ id: Int, now: Date) {
        guard let frequency, let next = Self.nextBookmark(after: now, deadline: deadlines[id], frequency: frequency) else { return }
        let bucket = max(bucket(of: next), firstOpenBucket)
        buckets[bucket, default: []].append(id)
    }

    /// Forgets watch `id`'s deadline (it ended). Its queued bookmark stays until its bucket comes
    /// (ids are never reused; the caller skips watches that have ended).
    mutating func remove(_ id: Int) {
        deadlines[id] = nil
    }

    /// Takes out the watches whose bookmark bucket the clock has reached at `now`, in bucket order
    /// (ended ones included).
    mutating func takeDueBookmarks(now: Date) -> [Int] {
        let current = bucket(of: now)
        guard current >= firstOpenBucket else { return [] }
        let due = buckets.keys.filter { $0 <= current }.sorted()
        firstOpenBucket = current + 1
        return due.flatMap { buckets.removeValue(forKey: $0) ?? [] }
    }

    /// The watches whose deadline has come at `now`.
    func expired(now: Date) -> [Int] {
        deadlines.filter { $0.value <= now }.map(\.key).sorted()
    }

    /// The next instant something falls due: a bookmark bucket starts or a deadline comes.
    var nextDue: Date? {
        let bucketStart = buckets.keys.min().map { origin.addingTimeInterval(TimeInterval(max($0, firstOpenBucket))) }
        return [bucketStart, deadlines.values.min()].compactMap { $0 }.min()
    }

    private func bucket(of time: Date) -> Int {
        Int(time.timeIntervalSince(origin).rounded(.down))
    }
}
