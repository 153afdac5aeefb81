import Foundation
import NectarCatalog
import NectarQL
import NectarSyntax

/// A dot-command that could not do what was asked; the message says what to type instead.
struct DotCommandError: Error, CustomStringConvertible {
    let message: String
    /// A file that cannot be read or created is a usage error, as with `-f` and `-o`.
    var status = ExitStatus.queryError
    var description: String { message }
}

/// One dot-command: its name, what it takes, what it does, and the code that does it.
struct DotCommand {
    let name: String
    let arguments: String
    let summary: String
    let action: @MainActor (Session, [String]) async throws -> StatementOutcome
}

/// The shell's own commands (`.mode csv`, `.tables`, …), which work at the prompt and in scripts.
@MainActor
enum DotCommands {
    static let all: [DotCommand] = [
        DotCommand(name: ".help", arguments: "", summary: "Show this list", action: { session, _ in
            try session.output.currentSink.write(helpText)
            return .succeeded
        }),
        DotCommand(name: ".tables", arguments: "", summary: "List the tables", action: { session, _ in
            let names = try await SchemaListing.tables(session.engine).map(\.name)
            try session.output.currentSink.write(names.map { $0 + "\n" }.joined())
            return .succeeded
        }),
        DotCommand(name: ".schema", arguments: "[table]", summary: "Show the columns of one table, or of every table", action: { session, arguments in
            try session.output.currentSink.write(try await SchemaListing.text(of: arguments.first, engine: session.engine))
            return .succeeded
        }),
        DotCommand(name: ".mode", arguments: "table|csv|tsv|json|jsonl|markdown|line|xlsx|bar", summary: "Set the output format", action: { session, arguments in
            let name = try single(arguments, usage: ".mode " + OutputFormat.allCases.map(\.rawValue).joined(separator: "|"))
            guard let format = OutputFormat(rawValue: name.lowercased()) else {
                throw DotCommandError(message: "unknown mode '\(name)'; use one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            session.output.options.format = format
            session.output.formatIsExplicit = true
            return .succeeded
        }),
        DotCommand(name: ".headers", arguments: "on|off", summary: "Show or hide the header row", action: { session, arguments in
            session.output.options.headers = try onOff(arguments, usage: ".headers on|off")
            return .succeeded
        }),
        DotCommand(name: ".output", arguments: "[file]", summary: "Send results to a file (a .xlsx name: one workbook); without one, back to the screen", action: { session, arguments in
            guard arguments.count <= 1 else { throw DotCommandError(message: "usage: .output [file]") }
            try unopenableIsUsageError { try session.output.redirect(to: arguments.first) }
            return .succeeded
        }),
        DotCommand(name: ".once", arguments: "file", summary: "Send the next result to a file", action: { session, arguments in
            let path = try single(arguments, usage: ".once file")
            try unopenableIsUsageError { try session.output.redirectOnce(to: path) }
            return .succeeded
        }),
        DotCommand(name: ".read", arguments: "file", summary: "Run the statements in a file", action: { session, arguments in
            let path = try single(arguments, usage: ".read file")
            guard session.readDepth < Session.maximumReadDepth else {
                throw DotCommandError(
                    message: ".read \(path): scripts nest more than \(Session.maximumReadDepth) deep; does a script read itself?")
            }
            let script: String
            do {
                script = try ScriptFile.read(path)
            } catch {
                throw DotCommandError(message: "\(error)", status: .usageError)
            }
            session.readDepth += 1
            defer { session.readDepth -= 1 }
            switch await session.runScript(script, origin: path) {
            case .success: return .succeeded
            case .interrupted: return .interrupted
            case let status: return .failed(status)
            }
        }),
        DotCommand(name: ".timer", arguments: "on|off", summary: "Show how long each statement takes", action: { session, arguments in
            session.reportsTime = try onOff(arguments, usage: ".timer on|off")
            return .succeeded
        }),
        DotCommand(name: ".stats", arguments: "on|off", summary: "Show requests, rows, bytes and time per statement", action: { session, arguments in
            session.reportsStatistics = try onOff(arguments, usage: ".stats on|off")
            return .succeeded
        }),
        DotCommand(name: ".cache", arguments: "on|off|clear", summary: "Reuse fetched pages, or forget them", action: { session, arguments in
            let choice = try single(arguments, usage: ".cache on|off|clear").lowercased()
            switch choice {
            case "on": session.engine.setCacheEnabled(true)
            case "off": session.engine.setCacheEnabled(false)
            case "clear": session.engine.clearCache()
            default: throw DotCommandError(message: "usage: .cache on|off|clear")
            }
            return .succeeded
        }),
        DotCommand(name: ".tz", arguments: "[zone]", summary: "Show or set the time zone for dates", action: { session, arguments in
            guard let name = arguments.first else {
                try session.output.currentSink.write(session.engine.timeZoneName + "\n")
                return .succeeded
            }
            guard arguments.count == 1 else { throw DotCommandError(message: "usage: .tz [zone] (one IANA name, such as America/Sao_Paulo)") }
            guard session.engine.setTimeZone(named: name) else {
                throw DotCommandError(message: "unknown time zone '\(name)'; use an IANA name such as America/Sao_Paulo or UTC")
            }
            return .succeeded
        }),
        DotCommand(name: ".quit", arguments: "", summary: "Leave the shell", action: quit),
        DotCommand(name: ".exit", arguments: "", summary: "Leave the shell", action: quit),
    ] + SnapshotDotCommands.all

    static var names: [String] { all.map(\.name) }

    static func run(_ line: String, in session: Session) async throws -> StatementOutcome {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let name = words.first?.lowercased() else { return .succeeded }
        guard let command = all.first(where: { $0.name == name }) else {
            let hint = Suggestion.closest(to: name, among: names).map { "; did you mean \($0)?" } ?? "; type .help for the list"
            throw DotCommandError(message: "unknown command \(name)\(hint)")
        }
        let outcome = try await command.action(session, Array(words.dropFirst()))
        try session.output.currentSink.flush()
        return outcome
    }

    static var helpText: String {
        let width = all.map { ($0.name + " " + $0.arguments).count }.max() ?? 0
        return all.map { command in
            let head = command.arguments.isEmpty ? command.name : command.name + " " + command.arguments
            return head.padding(toLength: width + 2, withPad: " ", startingAt: 0) + command.summary + "\n"
        }.joined()
    }

    /// Takes no exit code (sqlite3's `.exit 5` does): the shell's status always means what
    /// `--help` documents, the most serious failure of what ran, so a code is refused, not ignored.
    private static let quit: @MainActor (Session, [String]) async throws -> StatementOutcome = { session, arguments in
        guard arguments.isEmpty else {
            throw DotCommandError(
                message: "usage: .quit or .exit, with no code: nectarql ends with the status of what ran (see nectarql --help)")
        }
        session.wantsToQuit = true
        return .succeeded
    }

    /// An output file that cannot be created is a usage error, as with `-o`.
    private static func unopenableIsUsageError(_ open: () throws -> Void) throws {
        do {
            try open()
        } catch let error as OutputError {
            guard case .cannotOpen = error else { throw error }
            throw DotCommandError(message: error.description, status: .usageError)
        }
    }

    private static func single(_ arguments: [String], usage: String) throws -> String {
        guard arguments.count == 1 else { throw DotCommandError(message: "usage: \(usage)") }
        return arguments[0]
    }

    private static func onOff(_ arguments: [String], usage: String) throws -> Bool {
        switch try single(arguments, usage: usage).lowercased() {
        case "on": return true
        case "off": return false
        default: throw DotCommandError(message: "usage: \(usage)")
        }
    }
}
