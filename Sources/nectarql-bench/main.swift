// Parsed and run by hand: in a main.swift, `BenchCommand.main()` would resolve to the synchronous
// entry point of ParsableCommand and refuse to run an async command.
do {
    let command = try BenchCommand.parse()
    try await command.run()
} catch {
    BenchCommand.exit(withError: error)
}
