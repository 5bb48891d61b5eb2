import Foundation

/// This process's memory from /proc/self/smaps_rollup: resident, and private (pages no other
/// process maps: the heap, not the shared libraries' code). Zero where /proc is missing.
struct ProcessMemory {
    /// Bytes resident (Rss).
    var resident = 0
    /// Bytes private to this process (Private_Clean + Private_Dirty).
    var unshared = 0

    static func now() -> ProcessMemory {
        var memory = ProcessMemory()
        guard let text = try? String(contentsOfFile: "/proc/self/smaps_rollup", encoding: .utf8) else { return memory }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kilobytes = Int(fields[1]) else { continue }
            switch fields[0] {
            case "Rss:": memory.resident = kilobytes * 1024
            case "Private_Clean:", "Private_Dirty:": memory.unshared += kilobytes * 1024
            default: break
            }
        }
        return memory
    }

    static func mebibytes(_ bytes: Int) -> String { Measure.format(Double(bytes) / 1_048_576, digits: 1) + " MiB" }

    /// glibc's `malloc_trim(0)`: gives the allocator's free heap back to the system (looked up at
    /// run time: Swift's Glibc module leaves malloc.h out). Nothing where there is no such function.
    static func trimHeap() {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(0)
    }
}
