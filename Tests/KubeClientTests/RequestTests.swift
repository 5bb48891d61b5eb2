import Foundation
import KubeModel
import Testing
@testable import KubeClient

@Suite(.timeLimit(.minutes(1))) struct RequestTests {
    static let object = TransportTests.configMapJSON

    @Test func writesUseTheRightVerbsBodiesAndContentTypes() async throws {
        let server = try LoopbackServer { request, connection in
            if request.method == "DELETE" {
                connection.respond(200, json: #"{"kind":"Status","apiVersion":"v1","status":"Success","code":200}"#)
            } else {
                connection.respond(request.method == "POST" ? 201 : 200, json: Self.object)
            }
        }
        let api = try makeClient(server).resource(ConfigMap.self, namespace: "shop")
        let desired = ConfigMap(metadata: ObjectMeta(name: "app", resourceVersion: "7"), data: ["a": "1"])
        _ = try await api.create(desired, options: WriteOptions(fieldManager: "shipshape", dryRun: true))
        _ = try await api.replace(desired)
        _ = try await api.patch("app", mergePatch: ["data": ["a": "2"]])
        _ = try await api.apply(ConfigMap(apiVersion: nil, kind: nil, metadata: ObjectMeta(name: "app"), data: ["a": "3"]),
                                fieldManager: "shipshape", force: true)
        _ = try await api.patchStatus("app", mergePatch: ["status": ["ok": true]])
        guard case .deleted(let status) = try await api.delete("app", options: DeleteOptions(propagationPolicy: .foreground, preconditionUID: "u-1")) else {
            Issue.record("expected a Status"); return
        }
        #expect(status.status == "Success")

        let requests = server.requests
        #expect(requests.map(\.method) == ["POST", "PUT", "PATCH", "PATCH", "PATCH", "DELETE"])
        #expect(requests[0].target == "/api/v1/namespaces/shop/configmaps?dryRun=All&fieldManager=shipshape")
        #expect(requests[1].target == "/api/v1/namespaces/shop/configmaps/app")
        #expect(try JSONValue(parsingJSON: requests[1].body)["metadata"]?["resourceVersion"] == "7")
        #expect(requests[2].headers["content-type"] == "application/merge-patch+json")
        #expect(requests[2].bodyText == #"{"data":{"a":"2"}}"#)
        #expect(requests[3].headers["content-type"] == "application/apply-patch+yaml")
        #expect(requests[3].target == "/api/v1/namespaces/shop/configmaps/app?fieldManager=shipshape&force=true")
        #expect(requests[3].bodyText.hasPrefix(#"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"app"}"#))
        #expect(requests[4].target == "/api/v1/namespaces/shop/configmaps/app/status")
        let deleteBody = try JSONValue(parsingJSON: requests[5].body)
        #expect(deleteBody["propagationPolicy"] == "Foreground")
        #expect(deleteBody["preconditions"]?["uid"] == "u-1")
    }

    @Test func listAllWalksEveryPageAndMetadataOnlyAsksForPartialObjects() async throws {
        let server = try LoopbackServer { request, connection in
            let second = request.query.contains("continue=page2")
            let items = second ? #"[{"metadata":{"name":"c"}}]"# : #"[{"metadata":{"name":"a"}},{"metadata":{"name":"b"}}]"#
            let meta = second ? #"{"resourceVersion":"99"}"# : #"{"resourceVersion":"98","continue":"page2"}"#
            connection.respond(200, json: #"{"kind":"List","metadata":\#(meta),"items":\#(items)}"#)
        }
        let client = try makeClient(server)
        let all = try await client.resource(ResourceType.configMaps, namespace: "shop").listAll(ListOptions(labelSelector: "app=web"), pageSize: 2)
        #expect(all.items.compactMap { $0["metadata"]?["name"]?.stringValue } == ["a", "b", "c"])
        #expect(all.metadata.resourceVersion == "99")
        let secrets = try await client.resource(ResourceType.secrets).listMetadata()
        #expect(secrets.items.first?.metadata.name == "a")
        let requests = server.requests
        #expect(requests[0].query == "labelSelector=app%3Dweb&limit=2")
        #expect(requests[1].query == "labelSelector=app%3Dweb&limit=2&continue=page2")
        #expect(requests[2].target == "/api/v1/secrets")
        #expect(requests[2].headers["accept"] == "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json")
    }

    @Test func idempotentRequestsAreRetriedHonouringRetryAfter() async throws {
        let count = Locked(0)
        let server = try LoopbackServer { request, connection in
            let attempt = count.withLock { $0 += 1; return $0 }
            switch attempt {
            // A drop on a fresh connection (libcurl itself resends once on a reused one).
            case 1: connection.close()
            case 2: connection.respond(429, headers: ["Retry-After": "2"], json: #"{"kind":"Status","code":429,"reason":"TooManyRequests"}"#)
            case 3: connection.respond(503, json: "{}")
            default: connection.respond(200, json: Self.object)
            }
        }
        let sleeps = SleepRecorder()
        let object = try await makeClient(server, sleeps: sleeps).resource(ConfigMap.self, namespace: "shop").get("app")
        #expect(object.metadata.name == "app")
        // The drop on the standard schedule; the 429 and the 503 on the short recovery one.
        #expect(sleeps.recorded == [.milliseconds(50), .seconds(2), .milliseconds(100)])
    }

    @Test func nonIdempotentRequestsAreNotRetriedAndAttemptsAreBounded() async throws {
        let server = try LoopbackServer { _, connection in connection.respond(503, json: #"{"kind":"Status","code":503,"message":"down"}"#) }
        let sleeps = SleepRecorder()
        let api = try makeClient(server, sleeps: sleeps).resource(ConfigMap.self, namespace: "shop")
        await #expect(throws: KubeError.api(Status(message: "down", code: 503).withKind("Status"))) {
            try await api.create(ConfigMap(metadata: ObjectMeta(name: "x"), data: nil))
        }
        #expect(server.requests.count == 1)
        await #expect(throws: KubeError.self) { try await api.get("x") }
        #expect(server.requests.count == 11, "one create, then ten attempts of the get (the recovery schedule's bound)")
        #expect(sleeps.recorded.count == 9)
    }

    @Test func a401FetchesCredentialsAgainOnce() async throws {
        let dir = try TemporaryDirectory()
        let token = try dir.write("token", "old")
        let server = try LoopbackServer { request, connection in
            if request.headers["authorization"] == "Bearer new" {
                connection.respond(200, json: Self.object)
            } else {
                try? "new".write(toFile: token, atomically: true, encoding: .utf8)
                connection.respond(401, json: #"{"kind":"Status","code":401,"reason":"Unauthorized"}"#)
            }
        }
        let client = try makeClient(server, credentials: .tokenFile(path: token, refreshInterval: .seconds(3600)))
        #expect(try await client.resource(ConfigMap.self, namespace: "shop").get("app").metadata.name == "app")
        #expect(server.requests.map { $0.headers["authorization"] ?? "" } == ["Bearer old", "Bearer new"])
    }

    @Test func discoveryTellsWhetherAResourceIsServed() async throws {
        let server = try LoopbackServer { request, connection in
            if request.path == "/apis/apps/v1" {
                connection.respond(200, json: #"{"kind":"APIResourceList","groupVersion":"apps/v1","resources":[{"name":"deployments","kind":"Deployment","namespaced":true,"verbs":["get","list"]}]}"#)
            } else {
                connection.respond(404, json: #"{"kind":"Status","code":404,"reason":"NotFound"}"#)
            }
        }
        let client = try makeClient(server)
        #expect(try await client.isServed(.deployments))
        #expect(try await !client.isServed(.statefulSets))
        #expect(try await !client.isServed(ResourceType(group: "shipshape.dev", version: "v1alpha1", resource: "microservices", kind: "Microservice", namespaced: true)))
    }

    @Test func singleObjectsNeedANamespace() async throws {
        let server = try LoopbackServer { _, connection in connection.respond(200, json: Self.object) }
        let api = try makeClient(server).resource(ConfigMap.self)
        await #expect(throws: KubeError.invalidRequest("ConfigMap app needs a namespace")) { try await api.get("app") }
        #expect(server.requests.isEmpty)
    }
}

extension Status {
    func withKind(_ kind: String?) -> Status {
        var copy = self
        copy.kind = kind
        copy.apiVersion = nil
        copy.status = nil
        return copy
    }
}
