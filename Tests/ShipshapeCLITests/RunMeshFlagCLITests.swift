import Testing

/// `shipshape run --mesh-mtls` and its environment fallback, checked before any connection.
@Suite struct RunMeshFlagCLITests {
    @Test func helpListsTheFlag() async throws {
        let run = try await CLIRun.run(["run", "--help"])
        #expect(run.status == 0)
        #expect(run.standardOutput.contains("--mesh-mtls <mesh-mtls>"))
    }

    @Test func anUnknownModeIsRefusedOnTheCommandLine() async throws {
        let run = try await CLIRun.run(["run", "--mesh-mtls", "permissive"])
        #expect(run.status != 0)
        #expect(run.standardError.contains("--mesh-mtls"), "\(run.standardError)")
    }

    @Test func anUnknownModeIsRefusedFromTheEnvironment() async throws {
        let run = try await CLIRun.run(["run"], environment: ["SHIPSHAPE_MESH_MTLS": "bogus"])
        #expect(run.status == 2)
        #expect(run.standardError.contains("SHIPSHAPE_MESH_MTLS (--mesh-mtls) must be strict, not \"bogus\""), "\(run.standardError)")
    }
}
