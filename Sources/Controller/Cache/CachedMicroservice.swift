import KubeModel
import ShipshapeAPI

/// One Microservice as the cache holds it: its JSON text deflated against a typical Microservice
/// (`DeflatedJSON`; a decoded `Microservice` with its status is a tree of arrays, optionals and
/// strings several times the size of the text), decoded when read, plus what is read without
/// decoding: its resourceVersion, for write-through, and its status's observedGeneration.
public struct CachedMicroservice: Sendable, Equatable {
    public let resourceVersion: String?
    /// `status.observedGeneration`: nil until an operator has written its status.
    public let observedGeneration: Int?
    private let text: DeflatedJSON

    /// Nil when `microservice` cannot be encoded (its types are plain Codable structs, so never in practice).
    public init?(_ microservice: Microservice) {
        guard let encoded = try? JSONValueEncoder().encode(microservice) else { return nil }
        resourceVersion = microservice.metadata.resourceVersion
        observedGeneration = microservice.status?.observedGeneration
        text = DeflatedJSON(encoded.jsonText(), kind: Microservice.kind)
    }

    /// The Microservice, decoded from the text this type wrote from one.
    public var value: Microservice? {
        guard let json = try? JSONValue(parsingJSON: text.utf8) else { return nil }
        return try? JSONValueDecoder().decode(Microservice.self, from: json)
    }

    /// The bytes its text takes in the cache.
    public var storedCount: Int { text.storedCount }
}
