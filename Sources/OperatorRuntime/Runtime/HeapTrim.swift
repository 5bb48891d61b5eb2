#if canImport(Glibc)
import Glibc
#endif

/// Gives the heap a complete list no longer needs back to the system. A relist holds every
/// object of its pages as parsed JSON until the store has its projected copies; glibc's
/// allocator would keep that freed memory resident, so the operator's footprint would stay at
/// the list's peak rather than the cache's size. Reconciles free what they rendered and decoded
/// the same way, so the heap is trimmed again whenever the work queue runs dry (the trim walks
/// the free heap, so it runs when there is nothing else to do). Does nothing where there is no
/// glibc.
enum HeapTrim {
    /// `malloc_trim`, looked up once (Swift's Glibc module leaves malloc.h out).
    private static let trim: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()

    /// Returns the heap's free memory to the system: after a complete list was stored, and
    /// whenever the work queue runs dry.
    static func release() {
        _ = trim?(0)
    }
}
