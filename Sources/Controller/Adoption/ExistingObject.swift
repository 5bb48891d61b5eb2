import KubeModel
import OperatorRuntime
import ShipshapeAPI

/// An object that already exists under the name of a child a Microservice wants, and whose it is.
public struct ExistingObject: Sendable, Hashable {
    /// Who holds an existing object.
    public enum Holder: Sendable, Hashable {
        /// This Microservice (its controller ownerReference, or Shipshape's labels naming it).
        case microservice
        /// No controller: made by hand, kubectl, Helm, a CI pipeline… Adoptable.
        case unowned
        /// Another controller (`Kind/name` of its controller ownerReference): never adopted.
        case controlled(by: String)
    }

    public let kind: ChildKind
    public let value: JSONValue

    public init(kind: ChildKind, value: JSONValue) {
        self.kind = kind
        self.value = value
    }

    public var name: String { value["metadata"]?["name"]?.stringValue ?? "" }

    /// Whose this object is, seen from the Microservice with key `key`.
    public func holder(forMicroservice key: ObjectKey) -> Holder {
        if EnqueueMapping.owner(ofChild: value) == key { return .microservice }
        let controller = value["metadata"]?["ownerReferences"]?.arrayValue?.first { $0["controller"]?.boolValue == true }
        if let controller {
            return .controlled(by: "\(controller["kind"]?.stringValue ?? "")/\(controller["name"]?.stringValue ?? "")")
        }
        return .unowned
    }

    /// Why the Microservice `key` may not take this object over (with `adopt`), or nil when it may
    /// or already owns it; worded for a status condition and an Event.
    public func conflict(forMicroservice key: ObjectKey, adopt: Bool) -> String? {
        switch holder(forMicroservice: key) {
        case .microservice: return nil
        case .unowned:
            return adopt ? nil : "\(kind.rawValue) \(name) exists and is not managed by Shipshape (set spec.adopt: true to take it over)"
        case .controlled(let owner):
            return "\(kind.rawValue) \(name) exists and is controlled by \(owner); Shipshape never adopts an object another controller owns"
        }
    }
}
