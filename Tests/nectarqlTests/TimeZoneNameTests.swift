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

    @Test("a zone the system's database knows but Foundation's list leaves out is found in any case too")
    func databaseZoneIgnoresCase() async throws {
        let script = ".tz asia/kolkata\n.tz\nselect cast(cast('2024-03-05T12:00:00Z' as timestamp) as text);\n"
        let result = try await demo(["--csv", "--no-header"], stdin: script)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines == ["Asia/Kolkata", "2024-03-05 17:30:00"])
    }

    @Test(".tz with more than one word is a usage slip, not an unknown zone")
    func extraWordIsNamed() async throws {
        let result = try await demo(["-c", ".tz America/Sao_Paulo x"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("usage: .tz"), "\(result.stderr)")
        #expect(!result.stderr.contains("unknown time zone"), "\(result.stderr)")
    }
}
