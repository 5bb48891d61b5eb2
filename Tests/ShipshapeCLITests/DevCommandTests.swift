import Foundation
import KubeModel
import KubeSandbox
import Testing

/// `shipshape dev` end to end through the built binary: the sandbox, the operator and the
/// webhook in one process, driven by the files it applies and by the real kubectl.
@Suite(.serialized, .timeLimit(.minutes(3))) struct DevCommandTests {
    static let kubectl: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("kubectl") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("shipshape-dev-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// The rows of the `kubectl get msvc -A` table printed after the header, split on blanks.
    static func tableRows(_ output: String) -> [[String]] {
        let lines = output.split(separator: "\n").map(String.init)
        guard let header = lines.firstIndex(where: { $0.hasPrefix("NAMESPACE   NAME   ") }) else { return [] }
        return lines[(header + 1)...].prefix { !$0.isEmpty && $0.first != " " && !$0.hasPrefix("serving") }
            .map { $0.split(separator: " ").map(String.init) }
    }

    @Test func onceConvergesOnTheShopAndPrintsTheMicroservices() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let kubeconfig = directory.appendingPathComponent("kubeconfig").path
        let run = try await CLIRun.run(["dev", "--once", "--timeout", "60", "--kubeconfig-out", kubeconfig])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("export KUBECONFIG=\(kubeconfig)\n"))
        let rows = Self.tableRows(run.standardOutput)
        #expect(rows.map { Array($0.prefix(4)) } == [
            ["shop", "notification-service", "True", "2"], ["shop", "order-service", "True", "2"], ["shop", "product-catalog", "True", "3"],
        ], "the HPAs' minReplicas hold order-service at 2 and product-catalog at 3:\n\(run.standardOutput)")
        #expect(rows.allSatisfy { $0.count >= 6 && $0[5] == "passed" })
        for name in ["notification-service", "order-service", "product-catalog"] {
            #expect(run.standardOutput.contains("shop/\(name): Ready (Available: "))
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: kubeconfig)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: kubeconfig, encoding: .utf8).contains("server: https://127.0.0.1:"))
    }

    @Test func withoutTheSimulatedKubeletThePodsStayPendingAndNothingIsReady() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try await CLIRun.run(["dev", "--once", "--no-simulate", "--kubeconfig-out", directory.appendingPathComponent("kubeconfig").path])
        #expect(run.status == 0, "\(run.standardError)")
        let rows = Self.tableRows(run.standardOutput)
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.count > 2 && $0[2] == "False" }, "\(run.standardOutput)")
    }

    @Test func badInputIsReportedWithFileAndLineAndTheRestIsApplied() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  data: [unclosed\n"
            .write(to: directory.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        try """
            apiVersion: shipshape.dev/v1alpha1
            kind: Microservice
            metadata:
              name: bad-replicas
              namespace: team
            spec:
              image: registry.example.com/team/bad:1.0.0
              replicas: -3
              ports:
                - { name: http, port: 8080 }

            """.write(to: directory.appendingPathComponent("refused.yaml"), atomically: true, encoding: .utf8)
        try """
            apiVersion: shipshape.dev/v1alpha1
            kind: Microservice
            metadata:
              name: inconsistent
              namespace: team
            spec:
              image: registry.example.com/team/inconsistent:1.0.0
              ports:
                - { name: http, port: 8080 }
              probes:
                readiness: { http: { path: /ready, port: nope } }

            """.write(to: directory.appendingPathComponent("inconsistent.yaml"), atomically: true, encoding: .utf8)
        let legacy = try String(contentsOf: CLI.root.appendingPathComponent("Examples/checklist-demo/legacy-billing.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "mode: warn", with: "mode: enforce")
        try legacy.write(to: directory.appendingPathComponent("legacy-billing.yaml"), atomically: true, encoding: .utf8)
        let good = CLI.root.appendingPathComponent("Examples/shop/product-catalog.yaml").path

        let run = try await CLIRun.run(["dev", "--once", "--kubeconfig-out", directory.appendingPathComponent("kubeconfig").path,
                                        directory.path, good])
        #expect(run.status == 2, "an unreadable file (2) outranks refused ones (1)")
        let errors = run.standardError
        #expect(errors.contains("error: \(directory.path)/broken.yaml:6: while parsing a flow sequence"), "\(errors)")
        #expect(errors.contains("error: \(directory.path)/refused.yaml:8: Microservice team/bad-replicas: ")
            && errors.contains("spec.replicas: Invalid value: -3"), "\(errors)")
        #expect(errors.contains("error: \(directory.path)/legacy-billing.yaml:8: Microservice demo/legacy-billing: admission webhook \"microservices.shipshape.dev\" denied the request: Microservice demo/legacy-billing breaks "), "\(errors)")
        #expect(errors.contains("error: \(directory.path)/inconsistent.yaml:11: Microservice team/inconsistent: admission webhook \"microservices.shipshape.dev\" denied the request: Microservice team/inconsistent is invalid:\n- spec.probes.readiness.http.port: \"nope\" is not a declared port"), "the line of the field the webhook names: \(errors)")
        #expect(Self.tableRows(run.standardOutput).map { Array($0.prefix(3)) } == [["shop", "product-catalog", "True"]], "\(run.standardOutput)")
    }

    @Test func warnModeIsAdmittedWithTheWebhooksWarningsAtTheirLines() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try await CLIRun.run(["dev", "--once", "--kubeconfig-out", directory.appendingPathComponent("kubeconfig").path,
                                        "Examples/checklist-demo"])
        #expect(run.status == 0, "\(run.standardError)")
        let file = "Examples/checklist-demo/legacy-billing.yaml"
        #expect(run.standardError.contains("warning: \(file):9: Microservice demo/legacy-billing: [image-pinned] spec.image is not pinned: tag \"latest\"\n"),
                "\(run.standardError)")
        #expect(run.standardError.contains("warning: \(file):10: Microservice demo/legacy-billing: [replicas-ha] spec.replicas is 1"))
        #expect(Self.tableRows(run.standardOutput).map { Array($0.prefix(3)) } == [["demo", "legacy-billing", "True"]])
    }

    @Test func aPortInUseNamesTheFlagAndTheAddress() async throws {
        try await KubeSandbox.withRunning(SandboxOptions(controllers: false)) { sandbox in
            let run = try await CLIRun.run(["dev", "--once", "--port", String(sandbox.port), "--kubeconfig-out", "/dev/null/never"])
            #expect(run.status == 3)
            #expect(run.standardError.contains("shipshape dev: --port: 127.0.0.1:\(sandbox.port) is already in use"), "\(run.standardError)")
        }
    }

    @Test(.enabled(if: kubectl != nil, "kubectl is not on PATH"))
    func kubectlWorksAgainstARunningDevAndTheWebhookDenies() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let kubeconfig = directory.appendingPathComponent("kubeconfig").path
        let dev = try DevProcess(["--kubeconfig-out", kubeconfig])
        func kubectl(_ arguments: String...) async throws -> CLIRun {
            try await CLIRun.run(arguments, environment: ["KUBECONFIG": kubeconfig, "HOME": directory.path], program: Self.kubectl)
        }
        do {
            try await dev.waitForOutput("serving until interrupted")

            let list = try await kubectl("get", "msvc", "-A")
            #expect(list.status == 0, "\(list.standardError)")
            #expect(Self.tableRows(list.standardOutput).map { Array($0.prefix(3)) } == [
                ["shop", "notification-service", "True"], ["shop", "order-service", "True"], ["shop", "product-catalog", "True"],
            ], "\(list.standardOutput)")

            let rollout = try await kubectl("rollout", "status", "deployment/order-service", "-n", "shop", "--timeout=30s")
            #expect(rollout.status == 0, "\(rollout.standardError)")
            #expect(rollout.standardOutput.contains("deployment \"order-service\" successfully rolled out"))

            let available = try await kubectl("wait", "--for=condition=Available", "deployment", "--all", "-n", "shop", "--timeout=30s")
            #expect(available.status == 0, "\(available.standardError)")
            #expect(available.standardOutput.split(separator: "\n").count == 3)

            let pods = try await kubectl("get", "pods", "-n", "shop", "-o", "json")
            let items = try JSONValue(parsingJSON: Array(pods.standardOutput.utf8))["items"]?.arrayValue ?? []
            #expect(items.count == 7, "2 + 2 + 3 pods")
            #expect(items.allSatisfy {
                $0["metadata"]?["annotations"]?["sandbox.shipshape.dev/simulated"] == "true" && $0["status"]?["phase"] == "Running"
            })

            let nodes = try await kubectl("get", "nodes")
            #expect(nodes.standardOutput.contains("sandbox-node   Ready"), "\(nodes.standardOutput)")
            let described = try await kubectl("describe", "pods", "-n", "shop")
            #expect(described.status == 0, "gRPC probes are described (service defaults to \"\"): \(described.standardError)")
            #expect(described.standardOutput.components(separatedBy: "Node:             sandbox-node/127.0.0.1").count == 8)

            try await expectWebhookRegisteredAsDeploy(try await kubectl("get", "validatingwebhookconfiguration", "shipshape", "-o", "json"))

            #expect(try await kubectl("create", "namespace", "demo").status == 0)
            let legacy = try String(contentsOf: CLI.root.appendingPathComponent("Examples/checklist-demo/legacy-billing.yaml"), encoding: .utf8)
                .replacingOccurrences(of: "mode: warn", with: "mode: enforce")
            let file = directory.appendingPathComponent("legacy-billing.yaml")
            try legacy.write(to: file, atomically: true, encoding: .utf8)
            let denied = try await kubectl("apply", "-f", file.path)
            #expect(denied.status == 1)
            #expect(denied.standardError.contains(
                "Error from server (Forbidden): error when creating \"\(file.path)\": admission webhook \"microservices.shipshape.dev\" denied the request: Microservice demo/legacy-billing breaks 6 checklist rules (mode enforce):"),
                "\(denied.standardError)")
            #expect(try await kubectl("get", "msvc", "legacy-billing", "-n", "demo").status == 1)
        } catch {
            _ = await dev.stop(SIGKILL)
            throw error
        }
        let status = await dev.stop(SIGINT)
        #expect(status == 0, "\(dev.standardError)")
    }

    @Test func servingEndsWithSigtermAndExitsZero() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let dev = try DevProcess(["--kubeconfig-out", directory.appendingPathComponent("kubeconfig").path, "Examples/minimal.yaml"])
        do {
            try await dev.waitForOutput("serving until interrupted")
        } catch {
            _ = await dev.stop(SIGKILL)
            throw error
        }
        #expect(dev.standardOutput.contains("demo/hello: Ready (Available: 2/2 replicas ready)"), "\(dev.standardOutput)")
        let status = await dev.stop(SIGTERM)
        #expect(status == 0, "\(dev.standardError)")
    }

    /// The served configuration registers the webhooks as Deploy/base/webhook.yaml does, with a caBundle.
    private func expectWebhookRegisteredAsDeploy(_ served: CLIRun) async throws {
        #expect(served.status == 0, "\(served.standardError)")
        let webhooks = try JSONValue(parsingJSON: Array(served.standardOutput.utf8))["webhooks"]?.arrayValue ?? []
        let path = CLI.root.appendingPathComponent("Deploy/base/webhook.yaml").path
        let deploy = try SourceReader.objects(in: String(contentsOfFile: path, encoding: .utf8), file: path).first?.value
        let expected = deploy?["webhooks"]?.arrayValue ?? []
        #expect(webhooks.count == expected.count && !expected.isEmpty)
        for webhook in expected {
            let name = webhook["name"]?.stringValue ?? ""
            guard let actual = webhooks.first(where: { $0["name"]?.stringValue == name }) else {
                Issue.record("webhook \(name) is not registered")
                continue
            }
            for field in ["admissionReviewVersions", "sideEffects", "timeoutSeconds", "matchPolicy", "failurePolicy", "rules", "namespaceSelector"] {
                #expect(actual[field] == webhook[field], "\(name).\(field)")
            }
            #expect(actual["clientConfig"]?["service"] == webhook["clientConfig"]?["service"], "\(name).clientConfig.service")
            #expect(actual["clientConfig"]?["caBundle"]?.stringValue?.isEmpty == false)
        }
    }
}
