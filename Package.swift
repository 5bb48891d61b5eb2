// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Shipshape",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "shipshape", targets: ["shipshape"]),
        .library(name: "ShipshapeAPI", targets: ["ShipshapeAPI"]),
        .library(name: "Render", targets: ["Render"]),
        .library(name: "Checklist", targets: ["Checklist"]),
        .library(name: "KubeClient", targets: ["KubeClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.1.0"),
        // KubeSandbox serves HTTP/1.1 and HTTP/2 (ALPN) over TLS with Hummingbird 2: a plain
        // `HTTPResponder` keeps Kubernetes' path grammar in our own small router, response bodies
        // stream (watch), and the same stack will serve the admission webhook and metrics.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Long-running parts (the webhook server, the operator) as Services in one ServiceGroup.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Tests only: a streaming HTTP/HTTPS client (with client certificates) to talk to KubeSandbox.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // `shipshape dev --data-dir`: the sandbox's objects and event history in SQLite.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Kubernetes objects (typed), an ordered JSON value, YAML/JSON documents with source lines
        // (YAML read at the event level with libyaml, Yams' CYaml module).
        .target(name: "KubeModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        // libcurl, with typed shims for its variadic calls, loaded with dlopen on first use so that
        // commands that never talk to a cluster start without it (headers: libcurl4-openssl-dev).
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux]))]),
        // zlib: the operator's cache keeps objects deflated.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // The Kubernetes client: kubeconfig/in-cluster config, libcurl transport, requests, watch.
        .target(
            name: "KubeClient",
            dependencies: ["CCurl", "KubeModel", .product(name: "Logging", package: "swift-log")]
        ),
        // The Microservice API: types, defaults, schema (CRD + strict validation).
        .target(name: "ShipshapeAPI", dependencies: ["KubeModel", "CEL"]),
        // Pure: Microservices -> Kubernetes objects.
        .target(name: "Render", dependencies: ["ShipshapeAPI", "KubeModel"]),
        // Pure: the production checklist over Microservices and workloads.
        .target(name: "Checklist", dependencies: ["ShipshapeAPI", "KubeModel", "KubeSchema"]),
        // Pure: existing Deployments (and the objects around them) -> Microservices, with what
        // could not be expressed and what adoption would change.
        .target(name: "Import", dependencies: ["ShipshapeAPI", "Render", "Checklist", "KubeModel"]),
        // A generic operator runtime (knows nothing of Microservices): list-watch and informers over
        // an object store, the work queue and its rate limiters, the controller loop, leader election.
        .target(
            name: "OperatorRuntime",
            dependencies: [
                "KubeModel", "KubeClient",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // An operator's HTTP endpoints (/metrics, /healthz, /readyz) and JSON log lines.
        .target(
            name: "OperatorServing",
            dependencies: [
                "KubeModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Shipshape's operator on top of the two: the Microservice cache, reconciler, adoption,
        // metrics, and the assembled Services.
        .target(
            name: "Controller",
            dependencies: [
                "OperatorRuntime", "OperatorServing", "KubeModel", "ShipshapeAPI", "KubeClient", "Render", "Checklist", "CZlib",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // AdmissionReview handling (pure); AdmissionServer serves it over HTTPS.
        .target(name: "Admission", dependencies: ["Checklist", "ShipshapeAPI", "KubeModel"]),
        // The admission webhook's HTTPS server (hot-reloaded serving certificate, metrics) and its
        // self-issued certificates (a CA and serving certificate in a Secret, caBundle injection).
        .target(
            name: "AdmissionServer",
            dependencies: [
                "Admission", "Certificates", "KubeClient", "KubeModel",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // A small certificate authority: the webhook's self-issued certificates, the sandbox's TLS.
        .target(
            name: "Certificates",
            dependencies: [
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        // Validation of objects against OpenAPI v3 schemas (the official Kubernetes ones, CRDs').
        .target(name: "KubeSchema", dependencies: ["KubeModel"]),
        // CEL (Common Expression Language) as Kubernetes uses it: parser, checker against a
        // schema, cost estimate and evaluator over JSON values, with the Kubernetes libraries.
        .target(name: "CEL", dependencies: ["KubeModel"]),
        // An in-memory Kubernetes API server on loopback (HTTP and HTTPS) for tests and local dev.
        .target(
            name: "KubeSandbox",
            dependencies: [
                // KubeClient's libcurl transport calls admission webhooks.
                "KubeModel", "KubeSchema", "Certificates", "KubeClient", "CEL", "SandboxStorage",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdHTTP2", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // The sandbox's durable storage (`--data-dir`): objects, event history and secrets in SQLite
        // (WAL, synchronous=FULL), with a lock so one process at a time uses a data directory.
        .target(name: "SandboxStorage", dependencies: [.product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(name: "kube-sandbox", dependencies: ["KubeSandbox"]),
        .executableTarget(
            name: "shipshape",
            dependencies: [
                "KubeModel", "ShipshapeAPI", "Render", "Checklist", "Import", "Controller", "OperatorServing", "Admission", "AdmissionServer", "KubeClient",
                // `shipshape dev`: the sandbox, its schemas and the webhook's self-issued CA.
                "KubeSandbox", "KubeSchema", "Certificates",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            // Export no symbols: the runtime's start-up `dladdr` walks every exported symbol
            // (55,000 of them), and nothing looks this binary's symbols up by name.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux]))]
        ),
        // Benchmarks (release builds): `swift run -c release shipshape-bench <case>`.
        .executableTarget(
            name: "shipshape-bench",
            dependencies: [
                "Render", "Checklist", "ShipshapeAPI", "KubeModel", "Controller", "OperatorRuntime", "KubeClient", "KubeSandbox",
                "Admission", "AdmissionServer", "Certificates", "ShipshapeTesting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "KubeModelTests", dependencies: ["KubeModel"]),
        .testTarget(name: "CELTests", dependencies: ["CEL", "KubeModel", "ShipshapeTesting"]),
        .testTarget(name: "KubeClientTests", dependencies: ["KubeClient", "KubeModel"]),
        .testTarget(name: "ShipshapeAPITests", dependencies: ["ShipshapeAPI", "KubeSchema", "CEL"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "ShipshapeAPI", "KubeModel", "KubeSchema"]),
        .testTarget(name: "ChecklistTests", dependencies: ["Checklist", "Render", "ShipshapeAPI", "KubeModel", "KubeSchema"]),
        .testTarget(name: "ImportTests", dependencies: ["Import", "Render", "ShipshapeAPI", "KubeModel"]),
        // Test support shared by test targets: a seeded generator and JSON mutation for fuzzing, a
        // manual clock, a scripted list/watch source.
        .target(name: "ShipshapeTesting", dependencies: ["KubeModel", "OperatorRuntime"], path: "Tests/ShipshapeTesting"),
        .testTarget(name: "AdmissionTests", dependencies: ["Admission", "Checklist", "ShipshapeAPI", "KubeModel", "ShipshapeTesting"]),
        .testTarget(
            name: "AdmissionServerTests",
            dependencies: [
                "AdmissionServer", "Admission", "Certificates", "Checklist", "KubeClient", "KubeModel", "KubeSandbox", "ShipshapeTesting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(
            name: "OperatorRuntimeTests",
            dependencies: [
                "OperatorRuntime", "KubeClient", "KubeModel", "ShipshapeTesting",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .testTarget(name: "ControllerTests", dependencies: ["Controller", "OperatorRuntime", "ShipshapeAPI", "KubeModel", "Render", "ShipshapeTesting"]),
        // The operator end to end against KubeSandbox, in-process and as the built `shipshape` binary.
        .testTarget(
            name: "OperatorTests",
            dependencies: ["Controller", "OperatorRuntime", "KubeClient", "KubeSandbox", "KubeSchema", "ShipshapeAPI", "KubeModel", "shipshape"]
        ),
        .testTarget(name: "ShipshapeCLITests", dependencies: ["shipshape", "KubeSandbox", "KubeClient", "KubeModel", "AdmissionServer", "Controller", "Render", "ShipshapeAPI", "KubeSchema"]),
        // The client against a live KubeSandbox over HTTPS (client certificates, tokens, kubeconfig).
        .testTarget(name: "KubeClientIntegrationTests", dependencies: ["KubeClient", "KubeSandbox", "KubeModel", "KubeSchema", "Certificates"]),
        // The real kubectl (from PATH) against KubeSandbox: apply, diff, explain, get, create.
        .testTarget(name: "KubectlTests", dependencies: ["KubeSandbox", "KubeSchema"]),
        // Replays the cases recorded from a real kube-apiserver (../shared/kube-replay) against KubeSandbox.
        .testTarget(
            name: "KubeReplayTests",
            dependencies: [
                "KubeSandbox", "KubeModel", "KubeSchema", "Certificates",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .testTarget(name: "SandboxStorageTests", dependencies: ["SandboxStorage"]),
        .testTarget(
            name: "KubeSandboxTests",
            dependencies: [
                "KubeSandbox", "KubeModel", "KubeSchema",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
