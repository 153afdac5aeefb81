/// The shell's exit codes, documented in `--help`; scripts branch on them.
enum ExitStatus: Int32 {
    case success = 0
    /// A statement was wrong or failed while evaluating (syntax, unknown name, type error).
    case queryError = 1
    /// The command line or the configuration is unusable (bad flag, no token, unreadable input, an
    /// output file that cannot be created: nothing ran, as when sqlite3 cannot open its output).
    case usageError = 2
    /// The API could not answer: bad or expired token, access denied, network, server errors; or
    /// the PostgreSQL server holding a mirror could not be reached or went away.
    case apiError = 3
    /// The result could not be written (disk full, I/O error); a closed pipe is no failure.
    case writeFailed = 4
    /// Ctrl-C stopped a batch run.
    case interrupted = 130

    /// The `--help` text that explains each code.
    static let helpText = """
        Exit codes:
          0    every statement succeeded
          1    a statement failed (syntax, unknown name, evaluation error)
          2    usage error (bad option, missing token, a file that cannot be read or an output file that cannot be created)
          3    API error (bad or expired token, access denied, network, server), or a PostgreSQL mirror's server unreachable or gone
          4    the output could not be written (disk full, I/O error)
          130  interrupted with Ctrl-C (SIGTERM and SIGHUP end it by that signal)
        A reader that closes the pipe early (| head -1) stops the run quietly; the status is then that of the statements before.
        """
}

/// Stops the program with a status; thrown so that `defer` blocks and shutdown still run.
struct ShellExit: Error {
    let status: ExitStatus

    /// The status `body` returns, or the one it stops with; any other error is reported as a usage error.
    @MainActor
    static func status(of body: () async throws -> ExitStatus) async -> ExitStatus {
        do {
            return try await body()
        } catch let exit as ShellExit {
            return exit.status
        } catch {
            StandardError.line("error: \(error)")
            return .usageError
        }
    }
}
