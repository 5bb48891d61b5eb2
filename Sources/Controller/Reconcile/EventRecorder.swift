import Foundation
import KubeClient
import KubeModel
import Logging
import ShipshapeAPI

/// Records events.k8s.io/v1 Events about Microservices, once per change of what they say: an
/// event is sent only when its note differs from the last one sent for the same object and
/// reason, so a steady failure is reported once, not every loop. Failures to record are logged.
public actor EventRecorder {
    public enum EventType: String, Sendable { case normal = "Normal", warning = "Warning" }

    private let client: KubernetesClient?
    private let controller: String
    private let instance: String
    private let now: @Sendable () -> Date
    private let logger: Logger
    private var lastNotes: [String: String] = [:]
    private var sequence = 0

    /// A nil `client` records nothing (dry runs, tests of other parts).
    public init(client: KubernetesClient?, controller: String = "shipshape.dev/operator", instance: String,
                now: @escaping @Sendable () -> Date = { Date() }, logger: Logger) {
        self.client = client
        self.controller = controller
        self.instance = instance
        self.now = now
        self.logger = logger
    }

    /// Records an event about `microservice`, unless the same note was the last for this reason.
    public func record(_ microservice: Microservice, _ type: EventType, reason: String, action: String, note: String) async {
        let memoryKey = "\(microservice.key)|\(reason)"
        guard lastNotes[memoryKey] != note else { return }
        lastNotes[memoryKey] = note
        guard let client else { return }
        sequence += 1
        let time = now()
        let suffix = String(UInt64(time.timeIntervalSince1970 * 1_000_000), radix: 16) + String(sequence, radix: 16)
        let event: JSONValue = [
            "apiVersion": "events.k8s.io/v1", "kind": "Event",
            "metadata": ["name": .string("\(microservice.name).\(suffix)"), "namespace": .string(microservice.namespace)],
            "eventTime": .string(MicroTime.format(time)),
            "reportingController": .string(controller), "reportingInstance": .string(instance),
            "action": .string(action), "reason": .string(reason), "type": .string(type.rawValue),
            "note": .string(String(note.prefix(1024))),
            "regarding": [
                "apiVersion": .string(Microservice.apiVersion), "kind": .string(Microservice.kind),
                "namespace": .string(microservice.namespace), "name": .string(microservice.name),
                "uid": .string(microservice.metadata.uid ?? ""),
                "resourceVersion": .string(microservice.metadata.resourceVersion ?? ""),
            ],
        ]
        do {
            _ = try await client.resource(ResourceType.events, namespace: microservice.namespace).create(event)
        } catch {
            logger.notice("cannot record event \(reason) for \(microservice.key): \(error)")
        }
    }

    /// Forgets what was sent about `key` (the Microservice is gone).
    public func forget(_ key: String) {
        lastNotes = lastNotes.filter { !$0.key.hasPrefix(key + "|") }
    }
}
