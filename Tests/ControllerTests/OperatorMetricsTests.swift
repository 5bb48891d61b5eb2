import Testing
@testable import Controller

@Suite struct OperatorMetricsTests {
    @Test func seriesUseControllerRuntimeNames() {
        let metrics = OperatorMetrics()
        metrics.reconciled(.success, duration: .milliseconds(12))
        metrics.reconciled(.error, duration: .milliseconds(40))
        metrics.queued()
        metrics.queued(retry: true)
        metrics.queueDepth(3)
        metrics.apiRequest(method: "PATCH", code: 200)
        metrics.apiRequest(method: "GET", code: 0)
        metrics.leading(true)
        let text = metrics.exposition()
        let lines = Set(text.split(separator: "\n").map(String.init))
        #expect(lines.contains(#"controller_runtime_reconcile_total{controller="microservice",result="success"} 1"#))
        #expect(lines.contains(#"controller_runtime_reconcile_total{controller="microservice",result="requeue_after"} 0"#))
        #expect(lines.contains(#"controller_runtime_reconcile_errors_total{controller="microservice"} 1"#))
        #expect(lines.contains(#"controller_runtime_reconcile_time_seconds_count{controller="microservice"} 2"#))
        #expect(lines.contains(#"workqueue_adds_total{name="microservice"} 2"#))
        #expect(lines.contains(#"workqueue_retries_total{name="microservice"} 1"#))
        #expect(lines.contains(#"workqueue_depth{name="microservice"} 3.0"#))
        #expect(lines.contains(#"rest_client_requests_total{code="200",method="PATCH"} 1"#))
        #expect(lines.contains(#"rest_client_requests_total{code="<error>",method="GET"} 1"#))
        #expect(lines.contains(#"leader_election_master_status{name="microservice"} 1.0"#))
    }

    @Test func microservicesByChecklistOutcome() {
        let metrics = OperatorMetrics()
        func lines() -> Set<String> { Set(metrics.exposition().split(separator: "\n").map(String.init)) }
        #expect(lines().contains(#"shipshape_microservices{checklist="blocked"} 0.0"#))
        metrics.checklist("shop/a", .passed)
        metrics.checklist("shop/b", .passed)
        metrics.checklist("shop/c", .blocked)
        metrics.checklist("shop/b", .failed)   // b changed: counted once, in its new state
        metrics.checklist("shop/c", nil)       // c deleted
        #expect(lines().isSuperset(of: [
            #"shipshape_microservices{checklist="passed"} 1.0"#,
            #"shipshape_microservices{checklist="failed"} 1.0"#,
            #"shipshape_microservices{checklist="blocked"} 0.0"#,
        ]))
    }
}
