@testable import NectarSyntax
import Testing

/// Random and mutated input must never crash or hang the lexer, parser, splitter or
/// completeness check; every error must point inside the text; anything accepted must print
/// to canonical text that parses back to the same tree.
@Suite("Fuzzing the front end")
struct FuzzTests {
    static let seeds = [
        "select nome, valortotal from oportunidades where status = 2 join contatos on cliente_id",
        "select distinct o.nome as n, count(*) from oportunidades o left join contatos c on o.cliente_id = c.id group by 1 having count(*) > 2 order by n desc nulls last limit 5 offset 1",
        "select case when x between 1 and 2 then 'a''b' else cast(y as text) end from t where z not in (1, 2.5, -3) and w ilike '%x%' or v is not null",
        "explain select -a * (b + c) || 'x' from t; describe t; show tables",
        "select \"Quoted Name\" /* c */ from t -- end",
    ]
    static let fragments = [
        "select", "from", "where", "join", "on", "(", ")", "'", "\"", "--", "/*", "*/", ";", ",", ".", "*", "-", "not",
        "between", "and", "in", "is", "null", "case", "when", "end", "cast", "as", "1e", "9999999999999999999999", "ção", "\n", " ",
    ]

    @Test func randomBytes() {
        var random = SeededRandom(seed: 7)
        let alphabet = Array("selctfromwhijn ()'\";,.*-+/%<>=!|\n\t0123456789eE_aç€\u{0}".utf8)
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<random.int(0...120) {
                bytes.append(random.chance(0.8) ? random.pick(alphabet) : UInt8.random(in: 0...255, using: &random))
            }
            exercise(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func mutationsOfValidStatements() {
        var random = SeededRandom(seed: 11)
        for _ in 0..<2_000 {
            var scalars = Array(random.pick(Self.seeds).unicodeScalars)
            for _ in 0..<random.int(1...4) { mutate(&scalars, using: &random) }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            exercise(String(text))
        }
    }

    private func mutate(_ scalars: inout [Unicode.Scalar], using random: inout SeededRandom) {
        let position = scalars.isEmpty ? 0 : random.int(0...scalars.count - 1)
        switch random.int(0...3) {
        case 0 where !scalars.isEmpty:
            scalars.removeSubrange(position..<min(scalars.count, position + random.int(1...8)))
        case 1:
            scalars.insert(contentsOf: random.pick(Self.fragments).unicodeScalars, at: position)
        case 2 where !scalars.isEmpty:
            let end = min(scalars.count, position + random.int(1...12))
            scalars.insert(contentsOf: scalars[position..<end], at: random.int(0...scalars.count))
        default:
            if !scalars.isEmpty { scalars[position] = random.pick(Array("()'\";-*/ ".unicodeScalars)) }
        }
    }

    private func exercise(_ text: String) {
        _ = StatementSplitter.split(text)
        do {
            for parsed in try Parser.parseScript(text) {
                let printed = Printer.print(parsed.statement)
                #expect((try? Parser.parseStatement(printed)) == parsed.statement, "\(text) → \(printed)")
            }
        } catch {
            check(error, in: text)
        }
    }

    private func check(_ error: QueryError, in text: String) {
        guard let location = error.location else {
            Issue.record("syntax error without a location: \(error.message) for \(text)")
            return
        }
        #expect(location.offset >= 0 && location.offset <= text.utf8.count, "\(location) outside \(text)")
        #expect(location.line >= 1 && location.column >= 1)
        #expect(error.rendered(source: text).contains("^"), "\(error.message) for \(text)")
    }
}
