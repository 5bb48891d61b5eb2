import Foundation
import KubeClient
import KubeModel
import KubeSandbox
import KubeSchema
import Synchronization

/// How a test client authenticates to an HTTPS sandbox.
enum Login: String, CaseIterable, CustomStringConvertible, Sendable {
    case clientCertificate, token

    var description: String { rawValue }

    static let tokenValue = "integration-token"
    static let tokenUser = AuthenticatedUser(name: "ci", groups: ["system:masters"])
    static let certificateUser = "shipshape"

    var credentials: KubeSandbox.Credentials {
        switch self {
        case .clientCertificate: return .clientCertificate(user: Self.certificateUser, groups: ["system:masters"])
        case .token: return .token(Self.tokenValue)
        }
    }

    /// The user the sandbox records for requests made with this login.
    var user: String { self == .token ? Self.tokenUser.name : Self.certificateUser }
}

/// Records the delays the client asks to sleep before a retry, without sleeping.
final class RecordedSleeps: Sendable {
    private let delays = Mutex<[Duration]>([])
    var recorded: [Duration] { delays.withLock { $0 } }

    var policy: RetryPolicy {
        RetryPolicy(backoff: Backoff(base: .milliseconds(10), cap: .seconds(1), maxAttempts: 4), random: { 0.5 }) { delay in
            self.delays.withLock { $0.append(delay) }
        }
    }
}

/// Runs `body` with an HTTPS sandbox (accepting `Login.tokenValue` and its own client
/// certificates) and a client logged in as `login` through a kubeconfig, as a user's would be.
func withSandboxClient<Result: Sendable>(
    _ login: Login, namespace: String = "default", sleeps: RecordedSleeps = RecordedSleeps(), schemas: Bool = false,
    _ body: (KubeSandbox, KubernetesClient) async throws -> Result
) async throws -> Result {
    let options = SandboxOptions(tls: true, tokens: [Login.tokenValue: Login.tokenUser], schemas: schemas ? Fixtures.schemas : nil)
    return try await KubeSandbox.withRunning(options) { sandbox in
        let client = try sandbox.client(login.credentials, namespace: namespace, sleeps: sleeps)
        return try await body(sandbox, client)
    }
}

extension KubeSandbox {
    /// A client configured from this sandbox's kubeconfig with `credentials`.
    func client(_ credentials: Credentials, namespace: String = "default", sleeps: RecordedSleeps = RecordedSleeps()) throws -> KubernetesClient {
        let directory = try TemporaryDirectory()
        let path = try directory.write("config", try kubeconfig(credentials, namespace: namespace))
        var options = ClientOptions()
        options.retry = sleeps.policy
        return try KubernetesClient(configuration: .load(kubeconfig: path, environment: ["HOME": directory.path]), options: options)
    }
}

/// A scratch directory removed when the value goes away.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "kubeclient-integration-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String, executable: Bool = false) throws -> String {
        let file = path + "/" + name
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file) }
        return file
    }
}

enum Fixtures {
    /// The Kubernetes OpenAPI documents, beside the repository as CI clones it.
    static let schemas: OpenAPISchemas? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try? OpenAPISchemas(directory: root.appendingPathComponent("../shared/kubernetes-openapi").standardized.path)
    }()

    static func configMap(_ name: String, data: [String: String] = ["key": "value"], labels: [String: String] = [:]) -> JSONValue {
        [
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": ["name": .string(name), "labels": .object(JSONObject(labels.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))],
            "data": .object(JSONObject(data.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
        ]
    }

    static func secret(_ name: String, value: String) -> JSONValue {
        ["apiVersion": "v1", "kind": "Secret", "metadata": ["name": .string(name)], "type": "Opaque",
         "data": ["password": .string(Data(value.utf8).base64EncodedString())]]
    }

    static func deployment(_ name: String, replicas: Int = 1, image: String = "registry.example.com/app:1.0") -> Deployment {
        let labels = ["app": name]
        var container = Container(name: "app", image: image)
        container.ports = [ContainerPort(name: "http", containerPort: 8080)]
        return Deployment(
            metadata: ObjectMeta(name: name, labels: labels),
            spec: DeploymentSpec(
                replicas: replicas, selector: LabelSelector(matchLabels: labels),
                template: PodTemplateSpec(metadata: ObjectMeta(labels: labels), spec: PodSpec(containers: [container]))))
    }
}
