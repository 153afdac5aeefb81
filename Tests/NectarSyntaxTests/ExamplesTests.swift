import Foundation
@testable import NectarSyntax
import Testing

/// Every example in the grammar and every `examples/*.nql` file at the repository root parses.
@Suite("Examples parse")
struct ExamplesTests {
    /// The repository root, found from this file's path (Tests/NectarSyntaxTests/<file>).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func grammarExamples() throws -> [String] {
        let grammar = try String(contentsOf: root.appendingPathComponent("Grammar/NectarQL.ebnf"), encoding: .utf8)
        let marker = "(* example:"
        return grammar.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(marker), trimmed.hasSuffix("*)") else { return nil }
            return String(trimmed.dropFirst(marker.count).dropLast(2)).trimmingCharacters(in: .whitespaces)
        }
    }

    @Test func grammarExamplesParseAndRoundTrip() throws {
        let examples = try Self.grammarExamples()
        #expect(examples.count >= 15)
        for example in examples {
            let statement = try parseOrRecord(example)
            #expect(try Parser.parseStatement(Printer.print(statement)) == statement, "\(example)")
        }
    }

    @Test func exampleFilesParse() throws {
        let folder = Self.root.appendingPathComponent("examples")
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".nql") }.sorted()
        for file in files {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            do {
                _ = try Parser.parseScript(Self.withoutDotCommands(source))
            } catch {
                Issue.record("\(error.rendered(source: source, origin: "examples/\(file)"))")
            }
        }
    }

    /// Lines starting with `.` are shell dot-commands (`.mode csv`), not NectarQL: blank them,
    /// keeping the line so error positions still match the file.
    static func withoutDotCommands(_ source: String) -> String {
        source.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).hasPrefix(".") ? "" : String($0) }
            .joined(separator: "\n")
    }
}
