@testable import NectarSyntax
import Testing

/// Deep nesting is refused with an error (not a stack overflow) and big input is handled.
@Suite("Nesting limits and large input")
struct LimitsTests {
    let tooDeep = "expression nested more than \(Parser.maximumDepth) levels deep; simplify it"

    private func nestedParentheses(_ levels: Int) -> String {
        "select " + String(repeating: "(", count: levels) + "1" + String(repeating: ")", count: levels)
    }

    @Test func parenthesesUpToTheLimitParse() throws {
        let select = try parseSelect(nestedParentheses(Parser.maximumDepth - 1))
        #expect(select.items == [.expression(integer(1), alias: nil)])
    }

    @Test func parenthesesBeyondTheLimitAreRefused() {
        #expect(parseError(nestedParentheses(Parser.maximumDepth))?.message == tooDeep)
        #expect(parseError(nestedParentheses(100_000))?.message == tooDeep)
    }

    @Test func deepPrefixOperatorsAndCallsAreRefused() {
        #expect(parseError("select " + String(repeating: "not ", count: 50_000) + "x")?.message == tooDeep)
        #expect(parseError("select " + String(repeating: "- ", count: 50_000) + "x")?.message == tooDeep)
        #expect(parseError("select " + String(repeating: "f(", count: 50_000) + "1")?.message == tooDeep)
        #expect(parseError("select " + String(repeating: "case when ", count: 50_000) + "1")?.message == tooDeep)
    }

    @Test("10,000-term chains of or, and, +, * and || are flat: they parse, print and parse back")
    func longFlatChainsParse() throws {
        for op in ["or", "and", "+", "-", "*", "||"] {
            let text = "select " + Array(repeating: "a", count: 10_000).joined(separator: " \(op) ")
            let select = try parseSelect(text)
            guard case let .expression(chain, _) = select.items[0], case let .binary(_, steps) = chain.kind else {
                Issue.record("not a chain: \(op)")
                continue
            }
            #expect(steps.count == 9_999, "\(op)")
            #expect(chain.height == 2, "one level however long the chain")
            #expect(try Parser.parseStatement(Printer.print(.select(select))) == .select(select))
        }
    }

    @Test("a chain of terms that nest (a + b * c …) counts its real nesting, not its length")
    func chainsOfNestedTermsParse() throws {
        let text = "select " + (0..<10_000).map { "x\($0) = \($0) and y * 2 > 1" }.joined(separator: " or ")
        let select = try parseSelect(text)
        guard case let .expression(chain, _) = select.items[0] else {
            Issue.record("no item")
            return
        }
        #expect(chain.height == 5)
    }

    @Test("comparisons and prefix operators still nest, so their long chains are refused")
    func comparisonChainsAreRefusedBeyondTheLimit() throws {
        let long = "select " + Array(repeating: "a", count: 100_000).joined(separator: " = ")
        let error = parseError(long)
        #expect(error?.message == tooDeep)
        #expect(error?.location?.line == 1)
    }

    @Test func wideInputIsFine() throws {
        let columns = (0..<20_000).map { "c\($0)" }
        let select = try parseSelect("select " + columns.joined(separator: ", ") + " from t where x in (" + (0..<20_000).map(String.init).joined(separator: ",") + ")")
        #expect(select.items.count == 20_000)
        let big = String(repeating: "ação ''; ", count: 100_000)
        #expect(try parseSelect("select '\(big)'").items == [.expression(text(big.replacingQuotePairs()), alias: nil)])
    }

    @Test func longScriptsKeepLineNumbers() throws {
        let script = String(repeating: "select 1;\n", count: 20_000) + "select from"
        #expect(StatementSplitter.split(script).count == 20_001)
        do {
            _ = try Parser.parseScript(script)
            Issue.record("expected an error")
        } catch {
            #expect(error.location == SourceLocation(offset: 200_007, line: 20_001, column: 8))
        }
    }
}

private extension String {
    /// `''` → `'`, as the lexer reads it.
    func replacingQuotePairs() -> String {
        var result = ""
        var previousWasQuote = false
        for character in self {
            if character == "'", previousWasQuote {
                previousWasQuote = false
                continue
            }
            previousWasQuote = character == "'"
            result.append(character)
        }
        return result
    }
}
