import Foundation
import KubeModel
import Testing
@testable import KubeClient

@Suite(.timeLimit(.minutes(1))) struct TransportTests {
    static let configMapJSON = #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"app","namespace":"shop","resourceVersion":"7"},"data":{"a":"1"}}"#

    @Test func sendsHeadersAndReusesOneConnection() async throws {
        let server = try LoopbackServer { _, connection in connection.respond(200, json: Self.configMapJSON) }
        let client = try makeClient(server)
        let api = client.resource(ConfigMap.self, namespace: "shop")
        for _ in 0..<3 { #expect(try await api.get("app").data == ["a": "1"]) }
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.target == "/api/v1/namespaces/shop/configmaps/app")
        #expect(request.headers["authorization"] == "Bearer secret-token")
        #expect(request.headers["user-agent"] == "shipshape/\(ShipshapeVersion.current)")
        #expect(request.headers["accept"] == "application/json")
        #expect(request.headers["accept-encoding"]?.contains("gzip") == true)
        #expect(server.connections == 1, "keep-alive: one connection for three requests")
    }

    @Test func gzipBodiesAreDecoded() async throws {
        let gzipped: [UInt8] = [31, 139, 8, 0, 0, 0, 0, 0, 2, 3, 237, 202, 49, 14, 128, 32, 16, 68, 209, 187, 76, 77, 99, 75, 107,
            109, 107, 191, 9, 104, 54, 132, 101, 163, 196, 66, 194, 221, 197, 194, 67, 152, 236, 43, 255, 76, 67, 98, 9, 240, 152, 139,
            108, 188, 47, 164, 112, 32, 229, 53, 30, 39, 23, 25, 195, 53, 141, 146, 99, 165, 64, 149, 224, 27, 132, 114, 28, 253, 102,
            213, 24, 208, 29, 190, 33, 189, 111, 99, 140, 49, 198, 252, 30, 122, 127, 0, 142, 142, 77, 143, 35, 8, 0, 0]
        let server = try LoopbackServer { _, connection in
            connection.respond(200, headers: ["Content-Type": "application/json", "Content-Encoding": "gzip"], body: gzipped)
        }
        let object = try await makeClient(server).resource(ConfigMap.self, namespace: "shop").get("zipped")
        #expect(object.metadata.name == "zipped")
        #expect(object.data?["k"]?.count == 2000)
    }

    @Test func cancellingTheTaskStopsARequestTheServerNeverAnswers() async throws {
        let server = try LoopbackServer { _, connection in connection.waitForClose() }
        let client = try makeClient(server)
        let task = Task { try await client.resource(ConfigMap.self, namespace: "shop").get("slow") }
        while server.requests.isEmpty { await Task.yield() }
        let started = ContinuousClock.now
        task.cancel()
        await #expect(throws: KubeError.cancelled) { try await task.value }
        // Far below the 60 s request timeout that would end it otherwise; generous for a loaded machine.
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test func requestsTimeOut() async throws {
        let server = try LoopbackServer { _, connection in connection.waitForClose() }
        let client = try makeClient(server, options: ClientOptions(requestTimeout: .milliseconds(300)))
        do {
            _ = try await client.resource(ConfigMap.self, namespace: "shop").get("slow")
            Issue.record("expected a timeout")
        } catch {
            guard case .transport(let failure) = error as? KubeError else { Issue.record("wrong error \(error)"); return }
            #expect(failure.kind == .timeout)
        }
    }

    @Test func responsesOverTheBoundAreRejected() async throws {
        let big = "{\"data\":\"" + String(repeating: "x", count: 100_000) + "\"}"
        let server = try LoopbackServer { _, connection in
            connection.startChunked()
            connection.chunk(Array(big.utf8))
            connection.endChunks()
        }
        let client = try makeClient(server, options: ClientOptions(maxResponseBytes: 10_000))
        do {
            _ = try await client.resource(ConfigMap.self, namespace: "shop").get("big")
            Issue.record("expected an error")
        } catch {
            guard case .transport(let failure) = error as? KubeError else { Issue.record("wrong error \(error)"); return }
            #expect(failure.kind == .responseTooLarge)
        }
    }

    @Test func aSlowConsumerPausesTheStreamAndLosesNothing() async throws {
        let payload = (0..<4000).map { "{\"n\":\($0),\"pad\":\"\(String(repeating: "p", count: 50))\"}\n" }.joined()
        let server = try LoopbackServer { _, connection in
            connection.startChunked()
            let bytes = Array(payload.utf8)
            stride(from: 0, to: bytes.count, by: 1000).forEach { connection.chunk(Array(bytes[$0..<min($0 + 1000, bytes.count)])) }
            connection.endChunks()
        }
        let transport = try CurlTransport(streamBufferBytes: 2048)
        let response = try await transport.stream(HTTPRequest(method: "GET", url: server.url + "/stream"))
        var received: [UInt8] = []
        for try await chunk in response.body {
            received += chunk
            await Task.yield()
        }
        #expect(response.status == 200)
        #expect(received == Array(payload.utf8))
    }

    @Test func connectionFailuresAreTransportErrors() async throws {
        let server = try LoopbackServer { _, connection in connection.close() }
        let url = server.url
        server.stop()
        let transport = try CurlTransport()
        do {
            _ = try await transport.send(HTTPRequest(method: "GET", url: url + "/x"))
            Issue.record("expected an error")
        } catch {
            guard case .transport(let failure) = error as? KubeError else { Issue.record("wrong error \(error)"); return }
            #expect(failure.kind == .connect)
            #expect(failure.curlCode == 7)
        }
    }
}
