import ArgumentParser
import Foundation
import NectarMock

/// Runs the fake NectarCRM API standalone, for trying the shell or a client against it.
/// (Arguments parsed by hand rather than `AsyncParsableCommand`: in a `main.swift` the synchronous
/// `main()` would be picked.)
struct NectarMockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nectar-mock",
        abstract: "A fake NectarCRM API on 127.0.0.1, with generated data and injectable faults."
    )

    @Option(help: "Port to listen on; 0 picks a free one.") var port = 0
    @Option(help: "Data size; 1 is about 600 contatos and 1,500 oportunidades.") var scale = 1.0
    @Option(help: "Seed of the generated data.") var seed: UInt64 = 1
    @Option(help: "Token clients must send as Access-Token.") var token = MockServer.demoToken
    @Option(name: .customLong("latency-ms"), help: "Milliseconds added before every response.") var latencyMilliseconds = 0
    @Option(name: .customLong("throttle-rate"), help: "Share of requests answered 429 with Retry-After (0...1).") var throttleRate = 0.0
    @Option(name: .customLong("error-rate"), help: "Share of requests answered 500/502/503/504 (0...1).") var errorRate = 0.0
    @Option(name: .customLong("drop-rate"), help: "Share of connections closed without a response (0...1).") var dropRate = 0.0
    @Option(name: .customLong("truncate-rate"), help: "Share of responses cut short (0...1).") var truncateRate = 0.0
    @Option(name: .customLong("max-rps"), help: "Hard limit of requests per second; beyond it 429.") var maxRequestsPerSecond: Double?
    @Option(name: .customLong("max-lifetime"), help: "Seconds after which the server stops by itself.") var maxLifetime = 900

    mutating func validate() throws {
        for (name, rate) in [("--throttle-rate", throttleRate), ("--error-rate", errorRate), ("--drop-rate", dropRate), ("--truncate-rate", truncateRate)]
        where !(0...1).contains(rate) {
            throw ValidationError("\(name) must be between 0 and 1, got \(rate).")
        }
        guard scale > 0 else { throw ValidationError("--scale must be positive, got \(scale).") }
        guard maxLifetime > 0 else { throw ValidationError("--max-lifetime must be positive, got \(maxLifetime).") }
    }

    func serve() async throws {
        let faults = FaultConfiguration(
            latency: .milliseconds(latencyMilliseconds), throttleRate: throttleRate, serverErrorRate: errorRate,
            dropRate: dropRate, truncateRate: truncateRate, maxRequestsPerSecond: maxRequestsPerSecond, seed: seed)
        let server = MockServer(
            dataset: MockDataset(seed: seed, scale: scale), token: token, faults: faults, maxLifetime: .seconds(maxLifetime))
        let boundPort = try await server.start(port: port)
        print("listening on http://127.0.0.1:\(boundPort)/crm/api/1/")
        fflush(nil)
        let signals = Self.stopOnSignals(server)
        await server.waitUntilStopped()
        withExtendedLifetime(signals) {}
    }

    /// SIGINT and SIGTERM stop the server cleanly instead of killing the process mid-response.
    private static func stopOnSignals(_ server: MockServer) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { Task { await server.stop() } }
            source.resume()
            return source
        }
    }
}

let command = NectarMockCommand.parseOrExit()
do {
    try await command.serve()
} catch {
    FileHandle.standardError.write(Data("nectar-mock: \(error)\n".utf8))
    exit(1)
}
