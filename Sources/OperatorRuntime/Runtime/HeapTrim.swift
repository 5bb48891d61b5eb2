#if canImport(Glibc)
import Glibc
#endif

/// Gives the heap a complete list no longer needs back to the system. A relist holds every
/// object of its pages as parsed JSON until the store has its projected copies; glibc's
/// allocator would keep that freed memory resident, so the operator's footprint would stay at
/// the list's peak rather than the cache's size. Reconciles free what they rendered and decoded
/// the same way, so the heap is trimmed again whenever the work queue runs dry (the trim walks
/// the free heap, so it runs when there is nothing else to do), once a worker has done enough
/// reconciles since its last trim to have left something to give back: periodic rechecks
/// arriving one by one would otherwise trim after every reconcile. Does nothing where there is
/// no glibc.
enum HeapTrim {
    /// The reconciles a worker runs between two trims when the queue runs dry.
    static let reconcilesBetweenTrims = 64

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
