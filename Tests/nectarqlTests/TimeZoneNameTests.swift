import Testing

/// Time-zone names are accepted in any case, on the command line and in `.tz`.
@Suite struct TimeZoneNameTests {
    private func demo(_ arguments: [String], stdin: String = "") async throws -> RunResult {
        try await ProcessRunner.run(["--demo", "--demo-latency-ms", "0"] + arguments, stdin: stdin)
    }

    @Test("--tz america/sao_paulo is America/Sao_Paulo")
    func commandLineZoneIgnoresCase() async throws {
        let result = try await demo(["--tz", "america/sao_paulo", "--csv", "--no-header", "-c",
                               "select cast(cast('2024-03-05T12:00:00Z' as timestamp) as text)"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines == ["2024-03-05 09:00:00"])
    }

    @Test(".tz utc then shows times in UTC and names the zone as IANA writes it")
    func dotCommandZoneIgnoresCase() async throws {
        let script = ".tz utc\n.tz\nselect cast(cast('2024-03-05T12:00:00Z' as timestamp) as text);\n"
        let result = try await demo(["--csv", "--no-header"], stdin: script)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines == ["UTC", "2024-03-05 12:00:00"])
    }
}
