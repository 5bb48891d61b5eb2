import AsyncHTTPClient
import Foundation
import KubeModel
import NIOCore
import NIOHTTP1
import Testing
@testable import KubeSandbox

/// kubectl's typed client sends `kubectl create configmap|namespace|deployment` bodies as
/// Kubernetes protobuf: the sandbox decodes them like the API server, and refuses (415) what it
/// cannot decode rather than dropping it.
@Suite struct ProtobufBodyTests {
    /// A minimal protobuf writer: length-delimited and varint fields.
    struct Message {
        var bytes: [UInt8] = []

        mutating func varint(_ value: UInt64) {
            var value = value
            repeat {
                bytes.append(UInt8(value & 0x7F) | (value >= 0x80 ? 0x80 : 0))
                value >>= 7
            } while value > 0
        }

        func field(_ number: Int, _ payload: [UInt8]) -> Message {
            var copy = self
            copy.varint(UInt64(number << 3 | 2))
            copy.varint(UInt64(payload.count))
            copy.bytes += payload
            return copy
        }

        func field(_ number: Int, _ text: String) -> Message { field(number, Array(text.utf8)) }
        func field(_ number: Int, _ message: Message) -> Message { field(number, message.bytes) }

        func field(_ number: Int, integer: UInt64) -> Message {
            var copy = self
            copy.varint(UInt64(number << 3))
            copy.varint(integer)
            return copy
        }
    }

    static func envelope(apiVersion: String, kind: String, _ object: Message) -> [UInt8] {
        ProtobufDecoder.magic + Message().field(1, Message().field(1, apiVersion).field(2, kind)).field(2, object).bytes
    }

    /// What Go writes for `metadata: {name}`: every non-pointer field, zero or not.
    static func metadata(_ name: String) -> Message {
        Message().field(1, name).field(2, "").field(3, "").field(6, "").field(7, integer: 0).field(8, Message())
            .field(11, Message().field(1, "app").field(2, "demo"))
    }

    /// An answer in JSON or protobuf, read as the object it stands for.
    struct Answer {
        var status: Int
        var contentType: String?
        var bytes: [UInt8]
        var text: String { String(decoding: bytes, as: UTF8.self) }
        var json: JSONValue {
            if contentType == "application/vnd.kubernetes.protobuf" { return (try? ProtobufDecoder.object(from: bytes)) ?? .null }
            return (try? JSONValue(parsingJSON: text)) ?? .null
        }
    }

    private func send(_ sandbox: KubeSandbox, _ method: HTTPMethod, _ path: String, _ body: [UInt8]? = nil,
                      accept: String = "application/vnd.kubernetes.protobuf,application/json") async throws -> Answer {
        var request = HTTPClientRequest(url: sandbox.url + path)
        request.method = method
        request.headers.add(name: "Content-Type", value: "application/vnd.kubernetes.protobuf")
        request.headers.add(name: "Authorization", value: "Bearer " + sandbox.adminToken)
        request.headers.add(name: "Accept", value: accept)
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(20))
        let buffer = try await response.body.collect(upTo: 1 << 20)
        return Answer(status: Int(response.status.code), contentType: response.headers.first(name: "Content-Type"),
                      bytes: Array(buffer.readableBytesView))
    }

    private func post(_ sandbox: KubeSandbox, _ path: String, _ body: [UInt8]) async throws -> Answer {
        try await send(sandbox, .POST, path, body)
    }

    @Test func aConfigMapSentAsProtobufIsCreated() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let configMap = Message().field(1, Self.metadata("pb")).field(2, Message().field(1, "a").field(2, "b"))
                .field(2, Message().field(1, "empty"))
            let response = try await post(sandbox, "/api/v1/namespaces/default/configmaps",
                                          Self.envelope(apiVersion: "v1", kind: "ConfigMap", configMap))
            #expect(response.status == 201, "\(response.text)")
            #expect(response.contentType == "application/vnd.kubernetes.protobuf", "answered as the client prefers")
            let created = response.json
            #expect(created["data"] == ["a": "b", "empty": ""])
            #expect(created["metadata"]?["labels"] == ["app": "demo"])
            #expect(created["metadata"]?["generateName"] == nil, "Go's zero values are not fields")
            #expect(created["metadata"]?["managedFields"]?.arrayValue?.first?["fieldsV1"]?["f:data"] != nil)
        }
    }

    /// A GET in protobuf carries the object as stored; a kind the sandbox cannot encode in full
    /// (a Deployment's status) is answered in JSON, which the client also accepts.
    @Test func objectsAreServedAsProtobufWhenPreferred() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let client = SandboxClient(sandbox)
            let stored = try await client.post("/api/v1/namespaces/default/configmaps", [
                "apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "pb", "labels": ["a": "b"]], "data": ["k": "v"],
            ]).json
            let got = try await send(sandbox, .GET, "/api/v1/namespaces/default/configmaps/pb")
            #expect(got.status == 200)
            #expect(got.contentType == "application/vnd.kubernetes.protobuf")
            #expect(got.bytes.starts(with: ProtobufDecoder.magic))
            #expect(got.json == stored)
            let json = try await send(sandbox, .GET, "/api/v1/namespaces/default/configmaps/pb", accept: "application/json")
            #expect(json.contentType == "application/json")
            let list = try await send(sandbox, .GET, "/api/v1/namespaces/default/configmaps")
            #expect(list.contentType == "application/json", "lists are not encoded: JSON, the client's second choice")
            let protobufOnly = try await send(sandbox, .GET, "/api/v1/namespaces/default/configmaps",
                                              accept: "application/vnd.kubernetes.protobuf")
            #expect(protobufOnly.status == 406)
        }
    }

    @Test func aDeploymentKeepsItsPointerZeros() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let container = Message().field(1, "app").field(2, "nginx:1.27").field(16, integer: 0)
                .field(6, Message().field(1, "").field(2, integer: 0).field(3, integer: 80))
            let spec = Message().field(1, integer: 0).field(2, Message().field(1, Message().field(1, "app").field(2, "demo")))
                .field(3, Message().field(1, Self.metadata("")).field(2, Message().field(2, container)))
            let deployment = Message().field(1, Self.metadata("web")).field(2, spec).field(3, Message())
            let response = try await post(sandbox, "/apis/apps/v1/namespaces/default/deployments",
                                          Self.envelope(apiVersion: "apps/v1", kind: "Deployment", deployment))
            #expect(response.status == 201, "\(response.text)")
            #expect(response.json["spec"]?["replicas"] == 0, "replicas is a pointer: an explicit 0 stays")
            #expect(response.json["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first?["ports"] == [["containerPort": 80, "protocol": "TCP"]], "protocol defaulted")
        }
    }

    @Test func whatCannotBeDecodedIsRefused() async throws {
        try await KubeSandbox.withRunning { sandbox in
            let pod = try await post(sandbox, "/api/v1/namespaces/default/pods",
                                     Self.envelope(apiVersion: "v1", kind: "Pod", Message().field(1, Self.metadata("p"))))
            #expect(pod.status == 415)
            #expect(pod.json["reason"] == "UnsupportedMediaType")
            let unknownField = Message().field(1, Self.metadata("x")).field(9, "surprise")
            let configMap = try await post(sandbox, "/api/v1/namespaces/default/configmaps",
                                           Self.envelope(apiVersion: "v1", kind: "ConfigMap", unknownField))
            #expect(configMap.status == 415)
            #expect(try await post(sandbox, "/api/v1/namespaces/default/configmaps", [1, 2, 3]).status == 400)
        }
    }
}
