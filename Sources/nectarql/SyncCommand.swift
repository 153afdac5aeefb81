import Foundation
import NectarQL
import NectarSnapshot

/// Runs `nectarql sync`: one sync of the snapshot, a progress line per table on a terminal, a
/// summary on stderr, the shell's exit codes (Ctrl-C: 130, the previous snapshot intact).
@MainActor
struct SyncCommand {
    let arguments: SyncArguments
    let environment: [String: String]

    func run() async -> ExitStatus {
        await ShellExit.status(of: runOrExit)
    }

    private func runOrExit() async throws -> ExitStatus {
        let token = try TokenSource.resolve(tokenFile: arguments.tokenFile, environment: environment)
        StandardError.redact(token)
        let url = arguments.apiURL ?? environment[Shell.apiURLVariable] ?? EngineConfiguration.defaultAPIURL
        var configuration = EngineConfiguration(apiURL: url, token: token)
        if let concurrency = arguments.concurrency { configuration.concurrency = concurrency }
        configuration.maxRequestsPerSecond = arguments.maxRequestsPerSecond
        configuration.cacheTTL = nil
        let engine: Engine
        do {
            engine = try Engine(configuration: configuration)
        } catch {
            StandardError.line("error: cannot start the engine: \(error)")
            throw ShellExit(status: .usageError)
        }
        let path = SnapshotPath.resolve(arguments.snapshot, environment: environment)
        // A mirror's password may be in its URL: every message shows the URL without it.
        if let password = SnapshotLocationRedaction.password(in: path) { StandardError.redactAlso(password) }
        var options = SyncOptions(tables: arguments.tableList, full: arguments.full)
        if let age = DurationText.parse(arguments.reconcileAfter) { options.reconcileAfterMilliseconds = age.components.seconds * 1000 }
        let isNewFile = !path.contains("://") && !FileManager.default.fileExists(atPath: path)
        if path == SnapshotPath.defaultPath(environment: environment) { try createDefaultDirectory(of: path) }
        let status = await sync(engine, path: path, options: options, isNewFile: isNewFile)
        await engine.shutdown()
        // A first sync that failed leaves no empty file to be mistaken for a snapshot.
        if status != .success, isNewFile { SnapshotStore.removeFiles(at: path) }
        return status
    }

    /// `~/.local/share/nectarql` (or XDG's) is the tool's own place: made on first use, private.
    private func createDefaultDirectory(of path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            StandardError.line("error: cannot create the directory '\(directory)' for the snapshot: \(error.localizedDescription)")
            throw ShellExit(status: .usageError)
        }
    }

    private func sync(_ engine: Engine, path: String, options: SyncOptions, isNewFile: Bool) async -> ExitStatus {
        let shown = SnapshotLocationRedaction.redact(path)
        let unchanged = isNewFile ? "no snapshot was written to '\(shown)'" : "the snapshot '\(shown)' is as it was before this sync"
        let progress = SyncProgressLine(isShown: !arguments.quiet && Terminal.errorIsTerminal)
        let started = ContinuousClock.now
        let work = Task { try await engine.sync(snapshotPath: path, options: options, progress: progress.update) }
        let watcher = Task { @MainActor in
            while !Task.isCancelled {
                if InterruptSignal.consume() { work.cancel() }
                try? await Task.sleep(for: StatementRunner.interruptPoll)
            }
        }
        let result = await work.result
        watcher.cancel()
        progress.finish()
        switch result {
        case .success(let reports):
            if !arguments.quiet { StandardError.write(SyncSummary.text(reports, path: shown, elapsed: ContinuousClock.now - started)) }
            return .success
        case .failure(let error):
            if work.isCancelled {
                StandardError.line("interrupted: the sync was cancelled; \(unchanged)")
                return .interrupted
            }
            switch error {
            case let error as APIError:
                StandardError.line("error: \(error.description)\n  \(unchanged)")
                return .apiError
            case let error as SnapshotServerError:
                StandardError.line("error: \(error.description)\n  \(unchanged)")
                return .apiError
            case let error as SnapshotError where error.kind == .storageFull:
                // The snapshot is the sync's output: no room for it is the shell's "could not write".
                StandardError.line("error: \(error.description)")
                return .writeFailed
            default:
                StandardError.line("error: \(error)")
                return .usageError
            }
        }
    }
}
