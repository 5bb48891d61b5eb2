import Testing

/// What `shipshape audit` of files costs at start-up: libcurl (and the libraries it needs) is
/// loaded only when a command talks to a cluster (LiveAuditTests and the client's tests load it).
@Suite struct StartupCLITests {
    #if os(Linux)
    @Test func anAuditOfFilesLoadsNoLibcurl() async throws {
        let run = try await CLIRun.run(["audit", "Examples/minimal.yaml"], environment: ["LD_DEBUG": "libs"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("libc.so"), "glibc's loader lists the libraries it loads")
        #expect(!run.standardError.contains("libcurl"), "\(run.standardError)")
    }
    #endif
}
