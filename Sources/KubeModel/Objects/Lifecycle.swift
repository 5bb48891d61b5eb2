/// `core/v1` Lifecycle: hooks run after a container starts and before it is stopped.
public struct Lifecycle: Codable, Sendable, Hashable {
    public var postStart: LifecycleHandler?
    public var preStop: LifecycleHandler?

    public init(postStart: LifecycleHandler? = nil, preStop: LifecycleHandler? = nil) {
        self.postStart = postStart
        self.preStop = preStop
    }
}

/// `core/v1` LifecycleHandler: exactly one action.
public struct LifecycleHandler: Codable, Sendable, Hashable {
    public var exec: ExecAction?
    public var httpGet: HTTPGetAction?
    public var tcpSocket: TCPSocketAction?
    /// The kubelet's own sleep (no `sleep` binary needed in the image).
    public var sleep: SleepAction?

    public init(exec: ExecAction? = nil, httpGet: HTTPGetAction? = nil, sleep: SleepAction? = nil) {
        self.exec = exec
        self.httpGet = httpGet
        self.sleep = sleep
    }
}

/// `core/v1` SleepAction.
public struct SleepAction: Codable, Sendable, Hashable {
    public var seconds: Int

    public init(seconds: Int) { self.seconds = seconds }
}
