import Controller
import KubeClient
import KubeModel
import Testing

@Suite("What status and Events report against KubeSandbox", .serialized)
struct StatusReportingTests {
    @Test("a dependsOn naming a missing Microservice is reported in status and in an Event, until it appears")
    func unresolvedDependency() async throws {
        try await Harness.withSandbox { harness in
            try await harness.withOperator { _ in
                try await harness.create(Fixtures.microservice("orders", dependsOn: ["catalog"]))
                try await eventually("DependenciesResolved False") {
                    try await harness.status("orders")?.condition("DependenciesResolved")?["status"]?.stringValue == "False"
                }
                let condition = try #require(try await harness.status("orders")?.condition("DependenciesResolved"))
                #expect(condition["reason"]?.stringValue == "Unresolved")
                #expect(condition["message"]?.stringValue?.contains("spec.dependsOn[0].service: Microservice shop/catalog") == true)
                let events = try await harness.resource(.events).list().items
                #expect(events.contains { $0["reason"]?.stringValue == "DependencyUnresolved" && $0["type"]?.stringValue == "Warning" })

                try await harness.create(Fixtures.microservice("catalog"))
                try await eventually("DependenciesResolved True once catalog exists") {
                    try await harness.status("orders")?.condition("DependenciesResolved")?["status"]?.stringValue == "True"
                }
            }
        }
    }

    @Test("while every apply is refused, status.children lists no child that does not exist")
    func childrenOnlyWhenTheyExist() async throws {
        try await Harness.withSandbox { harness in
            await harness.sandbox.failNext(1_000, status: 403, method: "PATCH", pathContains: "/serviceaccounts/")
            try await harness.withOperator { _ in
                try await harness.create(Fixtures.microservice("hello"))
                try await eventually("Ready False with ApplyFailed") {
                    try await harness.status("hello")?.condition("Ready")?["reason"]?.stringValue == "ApplyFailed"
                }
                let status = try #require(try await harness.status("hello"))
                #expect(status["children"]?.arrayValue ?? [] == [])
                #expect(try await harness.get(.serviceAccounts, "hello") == nil)
            }
        }
    }
}
