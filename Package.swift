// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Shipshape",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "shipshape", targets: ["shipshape"]),
        .library(name: "ShipshapeAPI", targets: ["ShipshapeAPI"]),
        .library(name: "Render", targets: ["Render"]),
        .library(name: "Checklist", targets: ["Checklist"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // Kubernetes objects (typed), an ordered JSON value, YAML/JSON documents with source lines.
        .target(name: "KubeModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The Microservice API: types, defaults, schema (CRD + strict validation).
        .target(name: "ShipshapeAPI", dependencies: ["KubeModel"]),
        // Pure: Microservices -> Kubernetes objects.
        .target(name: "Render", dependencies: ["ShipshapeAPI", "KubeModel"]),
        // Pure: the production checklist over Microservices and workloads.
        .target(name: "Checklist", dependencies: ["ShipshapeAPI", "KubeModel"]),
        .executableTarget(
            name: "shipshape",
            dependencies: [
                "KubeModel", "ShipshapeAPI", "Render", "Checklist",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks (release builds): `swift run -c release shipshape-bench <case>`.
        .executableTarget(name: "shipshape-bench", dependencies: ["Render", "ShipshapeAPI", "KubeModel"]),
        .testTarget(name: "KubeModelTests", dependencies: ["KubeModel"]),
        .testTarget(name: "ShipshapeAPITests", dependencies: ["ShipshapeAPI"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "ShipshapeAPI", "KubeModel"]),
        .testTarget(name: "ChecklistTests", dependencies: ["Checklist", "Render", "ShipshapeAPI", "KubeModel"]),
        .testTarget(name: "ShipshapeCLITests", dependencies: ["shipshape"]),
    ],
    swiftLanguageModes: [.v6]
)
