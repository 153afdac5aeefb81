import NectarQL

/// `.snapshot PATH|off` and `.max-age AGE|off`: switch the session between the API and a snapshot.
@MainActor
enum SnapshotDotCommands {
    static let all: [DotCommand] = [
        DotCommand(name: ".snapshot", arguments: "[path|off]", summary: "Read tables from a snapshot (file or postgres:// URL), or the API again", action: { session, arguments in
            guard let choice = arguments.first else {
                let current = session.engine.snapshotPath.map { "snapshot \($0)" } ?? "the API (no snapshot)"
                try session.output.currentSink.write("reading from \(current)\n")
                return .succeeded
            }
            guard arguments.count == 1 else { throw DotCommandError(message: "usage: .snapshot [path|off]") }
            if let password = SnapshotLocationRedaction.password(in: choice) { StandardError.redactAlso(password) }
            do {
                try await session.engine.useSnapshot(path: choice.lowercased() == "off" ? nil : choice)
            } catch {
                throw DotCommandError(message: "\(error)")
            }
            return .succeeded
        }),
        DotCommand(name: ".max-age", arguments: "[age|off]", summary: "Refresh snapshot tables older than this before reading them (10m)", action: { session, arguments in
            guard let choice = arguments.first else {
                let current = session.engine.snapshotMaxAge.map(DurationText.text) ?? "off (snapshot queries send no request)"
                try session.output.currentSink.write("max-age: \(current)\n")
                return .succeeded
            }
            guard arguments.count == 1 else { throw DotCommandError(message: "usage: .max-age [age|off]") }
            if choice.lowercased() == "off" {
                session.engine.setSnapshotMaxAge(nil)
            } else if let age = DurationText.parse(choice) {
                session.engine.setSnapshotMaxAge(age)
            } else {
                throw DotCommandError(message: "'\(choice)' is not an age; use \(DurationText.usage), or off")
            }
            return .succeeded
        }),
    ]
}
