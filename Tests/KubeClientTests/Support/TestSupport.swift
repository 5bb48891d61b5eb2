import Foundation
import KubeModel
@testable import KubeClient

/// A typed kind for tests.
struct ConfigMap: KubernetesObject, Equatable {
    static let resourceType = ResourceType.configMaps
    var apiVersion: String? = "v1"
    var kind: String? = "ConfigMap"
    var metadata: ObjectMeta
    var data: [String: String]?
}

/// Records the delays the client asked to sleep, without sleeping.
final class SleepRecorder: Sendable {
    private let delays = Locked<[Duration]>([])
    var recorded: [Duration] { delays.withLock { $0 } }

    var policy: RetryPolicy {
        RetryPolicy(backoff: Backoff(base: .milliseconds(100), cap: .seconds(5), maxAttempts: 4), random: { 0.5 }) { delay in
            self.delays.withLock { $0.append(delay) }
        }
    }
}

/// A client of the loopback server with a bearer token and instant retries.
func makeClient(
    _ server: LoopbackServer, credentials: CredentialSource = .token("secret-token"), namespace: String = "shop",
    options: ClientOptions = ClientOptions(), sleeps: SleepRecorder = SleepRecorder(), now: @escaping @Sendable () -> Date = { Date() }
) throws -> KubernetesClient {
    var options = options
    options.retry = sleeps.policy
    return try KubernetesClient(
        configuration: ClientConfiguration(server: server.url, namespace: namespace, credentials: credentials),
        options: options, now: now)
}

/// A scratch directory removed when the value goes away.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "kubeclient-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String, executable: Bool = false) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file) }
        return file
    }
}

/// A settable wall clock.
final class TestClock: Sendable {
    private let current: Locked<Date>
    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = Locked(start) }
    var now: Date { current.withLock { $0 } }
    func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
    var closure: @Sendable () -> Date { { self.now } }
}

func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
