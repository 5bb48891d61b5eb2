import Foundation
import KubeModel
import Logging

/// A Kubernetes API client. One client shares one transport (one libcurl multi handle, its
/// connections and HTTP/2 multiplexing) among all requests and watches; it is `Sendable` and
/// meant to be created once and shared.
///
/// ```swift
/// let client = try KubernetesClient(configuration: .load(context: "kind-dev"))
/// let deployments = client.resource(ResourceType.deployments, namespace: "shop")
/// let web = try await deployments.get("web")               // JSONValue
/// for try await event in try await deployments.watch() { ... }
/// ```
public final class KubernetesClient: Sendable {
    public let configuration: ClientConfiguration
    public let options: ClientOptions
    let transport: any HTTPTransport
    let authenticator: Authenticator
    let availability = ServerAvailability()
    let logger: Logger

    /// A client for `configuration`. `transport` defaults to a new `CurlTransport`.
    public init(
        configuration: ClientConfiguration, options: ClientOptions = ClientOptions(),
        transport: (any HTTPTransport)? = nil, logger: Logger = Logger(label: "shipshape.kubeclient"),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.configuration = configuration
        self.options = options
        self.transport = try transport ?? CurlTransport(userAgent: options.userAgent, streamBufferBytes: options.streamBufferBytes)
        self.logger = logger
        authenticator = Authenticator(source: configuration.credentials, environment: environment, now: now)
    }

    /// The namespace of the configuration's context (or the pod's namespace in-cluster).
    public var defaultNamespace: String { configuration.namespace }

    /// Requests for objects of a typed kind. A nil `namespace` on a namespaced kind lists and
    /// watches all namespaces, and takes single objects' namespace from their metadata.
    public func resource<Object: KubernetesObject>(_ type: Object.Type, namespace: String? = nil) -> ResourceClient<Object> {
        ResourceClient(client: self, resource: Object.resourceType, namespace: namespace)
    }

    /// Requests for untyped objects of `resource`.
    public func resource(_ resource: ResourceType, namespace: String? = nil) -> ResourceClient<JSONValue> {
        ResourceClient(client: self, resource: resource, namespace: namespace)
    }

    /// Requests for objects of `resource` decoded as `type` (for kinds without a static resource).
    public func resource<Object: Codable & Sendable>(_ resource: ResourceType, as type: Object.Type, namespace: String? = nil) -> ResourceClient<Object> {
        ResourceClient(client: self, resource: resource, namespace: namespace)
    }
}

/// Limits and timeouts of a client.
public struct ClientOptions: Sendable {
    public var userAgent: String
    public var connectTimeout: Duration
    /// The overall timeout of a non-streaming request.
    public var requestTimeout: Duration
    /// The largest non-streaming response accepted.
    public var maxResponseBytes: Int
    /// What a watch buffers for a consumer that is behind before the transfer pauses.
    public var streamBufferBytes: Int
    /// The largest single watch event accepted.
    public var maxEventBytes: Int
    public var retry: RetryPolicy

    public init(userAgent: String = "shipshape/\(ShipshapeVersion.current)", connectTimeout: Duration = .seconds(10),
                requestTimeout: Duration = .seconds(60), maxResponseBytes: Int = 128 << 20, streamBufferBytes: Int = 1 << 20,
                maxEventBytes: Int = 16 << 20, retry: RetryPolicy = RetryPolicy()) {
        self.userAgent = userAgent
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.maxResponseBytes = maxResponseBytes
        self.streamBufferBytes = streamBufferBytes
        self.maxEventBytes = maxEventBytes
        self.retry = retry
    }
}
