import Foundation
import KubeModel
import ShipshapeTesting

/// Feeds seeded mutations of real-world-like manifests to the YAML reader, each between two
/// good documents, and checks that it never crashes, that every bad document has a located
/// error, and that the good documents around it are still read.
enum FuzzYAMLBenchmark: Benchmark {
    static let name = "fuzz-yaml"
    static let summary = "[--cases 100000] [--seed 1]: mutated YAML; no crash, a located error per bad document"

    static func run(_ options: BenchmarkOptions) throws(BenchmarkError) {
        let cases = try options.count("cases", default: 100_000)
        let seed = try options.count("seed", default: 1)
        var random = SeededRandom(state: UInt64(seed))
        var tally = (read: 0, failed: 0, documents: 0)
        var problems: [String] = []
        let (_, duration) = Measure.time {
            for index in 0..<cases {
                let base = corpus[Int(random.next() % UInt64(corpus.count))]
                var mutated = Array(base.utf8)
                for _ in 0...Int(random.next() % 3) { mutate(&mutated, &random) }
                let middle = String(decoding: mutated, as: UTF8.self)
                let text = "kind: FuzzBefore\n---\n" + middle + "\n---\nkind: FuzzAfter\n"
                let documents = SourceReader.documents(in: text, file: "fuzz.yaml")
                let lineCount = text.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
                tally.documents += documents.count
                if let problem = check(documents, lines: lineCount) {
                    if problems.count < 5 { problems.append("case \(index) (seed \(seed)): \(problem)\n\(text)") }
                    continue
                }
                for document in documents.dropFirst().dropLast() {
                    if case .failure = document.objects { tally.failed += 1 } else { tally.read += 1 }
                }
            }
        }
        let seconds = Measure.seconds(duration)
        print("fuzz-yaml: \(cases) cases (seed \(seed)), \(tally.documents) documents in \(Measure.format(seconds, digits: 2)) s")
        print("  mutated documents read \(tally.read), rejected with a located error \(tally.failed)")
        print("  peak RSS  \(Measure.peakResidentMemory())")
        guard problems.isEmpty else {
            throw BenchmarkError(description: "\(problems.count)+ cases broke the reader's promises:\n" + problems.joined(separator: "\n---- \n"))
        }
    }

    /// What is wrong with the reading of one case, or nil: the first and last documents must
    /// be read as written, and every unreadable document must have a line inside the text.
    private static func check(_ documents: [SourceDocument], lines: Int) -> String? {
        guard documents.count >= 2 else { return "\(documents.count) documents" }
        guard (try? documents[0].objects.get())?.first?.kind == "FuzzBefore" else { return "the first document was lost" }
        guard let last = documents.last, (try? last.objects.get())?.first?.kind == "FuzzAfter" else {
            return "the last document was lost: \(String(describing: documents.last?.objects))"
        }
        for document in documents {
            guard case .failure(let error) = document.objects else { continue }
            guard let line = error.line, (1...lines).contains(line) else { return "no line: \(error)" }
        }
        return nil
    }

    /// Changes `bytes` in one of the ways real files go wrong.
    private static func mutate(_ bytes: inout [UInt8], _ random: inout SeededRandom) {
        guard !bytes.isEmpty else { return }
        let position = Int(random.next() % UInt64(bytes.count))
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        let line = Int(random.next() % UInt64(lines.count))
        switch random.next() % 10 {
        case 0:  // a YAML indicator or blank where it does not belong
            let indicators = Array("{}[]:-,&*!|>'\"%@`# \t?".utf8)
            bytes.insert(indicators[Int(random.next() % UInt64(indicators.count))], at: position)
        case 1:  // a character deleted
            bytes.remove(at: position)
        case 2:  // a line repeated: duplicate keys
            bytes = (lines[...line] + [lines[line]] + lines[(line + 1)...]).joined(separator: [UInt8(ascii: "\n")]).map { $0 }
        case 3:  // a line indented wrongly
            var changed = lines
            changed[line] = Array(repeating: UInt8(ascii: " "), count: Int(random.next() % 5)) + changed[line].drop { $0 == UInt8(ascii: " ") }
            bytes = Array(changed.joined(separator: [UInt8(ascii: "\n")]))
        case 4:  // truncated
            bytes.removeSubrange(position...)
        case 5:  // a control character (a paste from a terminal)
            bytes.insert(UInt8(random.next() % 0x20), at: position)
        case 6:  // a document marker in the middle
            bytes.insert(contentsOf: Array("\n---\n".utf8), at: position)
        case 7:  // an alias to nowhere, or an anchor
            bytes.insert(contentsOf: Array((random.next() % 2 == 0 ? " *nowhere" : " &here").utf8), at: position)
        case 8:  // two lines swapped
            var changed = lines
            changed.swapAt(line, Int(random.next() % UInt64(lines.count)))
            bytes = Array(changed.joined(separator: [UInt8(ascii: "\n")]))
        default:  // a tab for indentation
            var changed = lines
            changed[line] = [UInt8(ascii: "\t")] + changed[line]
            bytes = Array(changed.joined(separator: [UInt8(ascii: "\n")]))
        }
    }

    /// Manifests in the shapes found in real repositories: block and flow style, comments,
    /// literal blocks, anchors and merge keys, JSON, quoted keys, Helm output.
    static let corpus: [String] = [
        """
        # Source: shop/templates/deployment.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: cart
          labels:
            app.kubernetes.io/name: cart
            app.kubernetes.io/version: "2.4.1"
        spec:
          replicas: 3
          selector:
            matchLabels: {app: cart}
          template:
            metadata:
              labels: {app: cart}
              annotations:
                prometheus.io/scrape: "true"
            spec:
              containers:
              - name: cart
                image: registry.example.com/shop/cart:2.4.1
                args: ["--port=8080", '--log-level=info']
                ports:
                - containerPort: 8080
                  name: http
                env:
                - name: REDIS_ADDR
                  value: redis-cart:6379
                resources:
                  requests: {cpu: 200m, memory: 64Mi}
                  limits:
                    memory: 128Mi
                readinessProbe:
                  httpGet: {path: /healthz, port: http}
                  periodSeconds: 5
        """,
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: nginx-conf
        data:
          nginx.conf: |
            server {
              listen 80;
              location / { proxy_pass http://backend:8080; }
            }
          flags: >-
            --one
            --two
          empty: ""
        """,
        """
        x-defaults: &defaults
          cpu: 100m
          memory: 128Mi
        apiVersion: v1
        kind: Pod
        metadata: {name: anchors, namespace: "team-a"}
        spec:
          containers:
            - name: a
              image: busybox:1.36
              command: [sh, -c, "echo hello && sleep 3600"]
              resources:
                requests:
                  <<: *defaults
                  cpu: 50m
                limits: *defaults
        """,
        #"{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "labels": {"app": "web"}}, "spec": {"selector": {"app": "web"}, "ports": [{"port": 80, "targetPort": 8080, "protocol": "TCP"}]}}"#,
        """
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: report
        spec:
          schedule: "*/5 * * * *"
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                  - name: report
                    image: 'shop/report@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'
                    env:
                    - {name: ENABLED, value: "yes"}
                    - {name: RATIO, value: "0.25"}
                    - name: NOTE
                      value: 'it''s "quoted"'
        """,
        """
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: ServiceAccount
          metadata: {name: app}
          automountServiceAccountToken: false
        - apiVersion: networking.k8s.io/v1
          kind: NetworkPolicy
          metadata: {name: default-deny}
          spec:
            podSelector: {}
            policyTypes: [Ingress, Egress]
        """,
    ]
}
