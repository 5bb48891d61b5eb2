import OperatorRuntime
import ShipshapeAPI

extension Microservice {
    /// Its key in the cache and the work queue.
    public var objectKey: ObjectKey { ObjectKey(namespace: namespace, name: name) }
}
