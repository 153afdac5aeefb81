// swift-tools-version:6.0
import PackageDescription

// The engine is one library product, `NectarQL`, built from layer modules that depend one way:
// Syntax and Catalog (each on its own) → Semantics → Planning → Execution → NectarQL (the
// engine). Planning builds requests for the API client (Source); Execution reads pages from it
// or from a store (Snapshot, Postgres); Output writes results. Each layer is its own module, so
// the compiler enforces that direction: Planning cannot reach Execution, and only the engine,
// the shell and the benchmark import Output.
let package = Package(
    name: "NectarQL",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "NectarQL", targets: ["NectarQL"]),
        .library(name: "NectarMock", targets: ["NectarMock"]),
        .executable(name: "nectarql", targets: ["nectarql"]),
        .executable(name: "nectar-mock", targets: ["nectar-mock"]),
        .executable(name: "nectarql-bench", targets: ["nectarql-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.25.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .target(name: "NectarSyntax", path: "Sources/NectarQL/Syntax"),
        .target(name: "NectarCatalog", path: "Sources/NectarQL/Catalog"),
        .target(
            name: "NectarSource",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Sources/NectarQL/Source"
        ),
        .target(name: "NectarOutput", dependencies: ["NectarCatalog", "CXlsxWriter"], path: "Sources/NectarQL/Output"),
        // Snapshots: the account copied into a SQLite file through the system library (see README).
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .target(
            name: "NectarSnapshot", dependencies: ["NectarCatalog", "NectarSource", "CSQLite"], path: "Sources/NectarQL/Snapshot"),
        // The shared mirror: the same sync writing a PostgreSQL schema, through postgres-nio.
        .target(
            name: "NectarPostgres",
            dependencies: [
                "NectarSnapshot", "NectarCatalog", .product(name: "PostgresNIO", package: "postgres-nio"),
                // Its pool's errors, which PostgresNIO passes on as they are.
                .product(name: "_ConnectionPoolModule", package: "postgres-nio"),
            ],
            path: "Sources/NectarQL/Postgres"
        ),
        // What values mean in the language, shared by the binder and the evaluator: the session
        // zone's wall clock, intervals, casts, `like` patterns.
        .target(name: "NectarSemantics", dependencies: ["NectarSyntax", "NectarCatalog"], path: "Sources/NectarQL/Semantics"),
        // Binding and planning: owns what it produces (bound expressions, sort keys, aggregates,
        // the plan and its explain text); knows nothing of how plans run.
        .target(
            name: "NectarPlanning", dependencies: ["NectarSyntax", "NectarCatalog", "NectarSemantics", "NectarSource"],
            path: "Sources/NectarQL/Planning"),
        // Runs plans: expression evaluation and the operators, over the record sources.
        .target(
            name: "NectarExecution",
            dependencies: ["NectarSyntax", "NectarCatalog", "NectarSemantics", "NectarPlanning", "NectarSource", "NectarSnapshot"],
            path: "Sources/NectarQL/Execution"),
        .target(
            name: "NectarQL",
            dependencies: [
                "NectarSyntax", "NectarCatalog", "NectarSemantics", "NectarPlanning", "NectarExecution", "NectarSource",
                "NectarOutput", "NectarSnapshot", "NectarPostgres",
            ],
            path: "Sources/NectarQL",
            exclude: ["Syntax", "Catalog", "Semantics", "Planning", "Execution", "Source", "Output", "Snapshot", "Postgres"]
        ),
        .target(
            name: "NectarMock",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .systemLibrary(name: "CXlsxWriter", path: "Sources/CXlsxWriter"),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // Reads back the workbooks the tests write (a zip of XML parts); tests only.
        .target(name: "WorkbookReading", dependencies: ["CZlib"], path: "Tests/WorkbookReading"),
        // The PostgreSQL server the mirror's tests share (engine and command line); tests only.
        .target(
            name: "PostgresTestSupport", dependencies: [.product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/PostgresTestSupport"),
        .executableTarget(
            name: "nectarql",
            dependencies: [
                "NectarQL", "NectarSyntax", "NectarCatalog", "NectarSemantics", "NectarPlanning", "NectarSource", "NectarOutput", "NectarSnapshot",
                "NectarMock", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "nectar-mock",
            dependencies: ["NectarMock", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "nectarql-bench",
            dependencies: [
                "NectarQL", "NectarCatalog", "NectarOutput", "NectarSnapshot", "NectarMock", "NectarPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "NectarSyntaxTests", dependencies: ["NectarSyntax"]),
        .testTarget(name: "NectarCatalogTests", dependencies: ["NectarCatalog"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "NectarSourceTests",
            dependencies: [
                "NectarSource", "NectarMock",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "NectarOutputTests", dependencies: ["NectarOutput", "WorkbookReading", "CXlsxWriter"], exclude: ["Fixtures"]),
        .testTarget(
            name: "NectarPlanningTests",
            dependencies: ["NectarPlanning", "NectarExecution", "NectarSemantics", "NectarSyntax", "NectarCatalog", "NectarSource"]),
        .testTarget(
            name: "NectarExecutionTests",
            dependencies: [
                "NectarExecution", "NectarPlanning", "NectarSemantics", "NectarSyntax", "NectarCatalog", "NectarSource", "NectarMock",
            ]),
        .testTarget(name: "NectarSnapshotTests", dependencies: ["NectarSnapshot", "NectarMock"]),
        .testTarget(
            name: "NectarQLTests",
            dependencies: [
                "NectarQL", "NectarSyntax", "NectarCatalog", "NectarSemantics", "NectarPlanning", "NectarExecution", "NectarSource",
                "NectarOutput", "NectarSnapshot", "NectarPostgres", "NectarMock", "PostgresTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(name: "NectarPostgresTests", dependencies: ["NectarPostgres", "NectarSnapshot", "NectarCatalog", "NectarSource"]),
        .testTarget(
            name: "NectarMockTests",
            dependencies: ["NectarMock", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        // Without package access it sees only NectarQL's public API, as a program using the
        // library would: the README's embedding example must build against that alone.
        .testTarget(name: "EmbeddingTests", dependencies: ["NectarQL", "NectarMock"], packageAccess: false),
        .testTarget(
            name: "nectarqlTests",
            dependencies: ["NectarMock", "NectarQL", "NectarSyntax", "NectarCatalog", "NectarOutput", "WorkbookReading", "PostgresTestSupport"]
        ),
    ]
)
