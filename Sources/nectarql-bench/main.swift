import Dispatch

// Parsed and run by hand: in a main.swift, `BenchCommand.main()` would resolve to the synchronous
// entry point of ParsableCommand and refuse to run an async command. The main thread waits on a
// semaphore instead of using top-level `await`, which parks it in `dispatch_main`: valgrind 3.19
// crashes there as soon as a second thread starts, and the bench must run under callgrind.
let finished = DispatchSemaphore(value: 0)
Task.detached {
    do {
        let command = try BenchCommand.parse()
        try await command.run()
    } catch {
        BenchCommand.exit(withError: error)
    }
    finished.signal()
}
finished.wait()
