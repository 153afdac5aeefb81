@testable import NectarSyntax
import Testing

@Suite("Expressions")
struct ExpressionTests {
    private func expression(_ text: String) throws -> Expression { try Parser.parseExpression(text) }

    @Test func literals() throws {
        #expect(try expression("42") == integer(42))
        #expect(try expression("3.25") == Expression(.literal(.decimal(3.25))))
        #expect(try expression("1e3") == Expression(.literal(.decimal(1000))))
        #expect(try expression("2.5E-2") == Expression(.literal(.decimal(0.025))))
        #expect(try expression("99999999999999999999") == Expression(.literal(.decimal(1e20))))
        #expect(try expression("'it''s'") == text("it's"))
        #expect(try expression("''") == text(""))
        #expect(try expression("'linha\nnova'") == text("linha\nnova"))
        #expect(try expression("TRUE") == Expression(.literal(.boolean(true))))
        #expect(try expression("false") == Expression(.literal(.boolean(false))))
        #expect(try expression("Null") == Expression(.literal(.null)))
    }

    @Test func columnReferences() throws {
        #expect(try expression("valortotal") == column("valortotal"))
        #expect(try expression("O.ValorTotal") == column("valortotal", of: "o"))
        #expect(try expression("\"My Table\".\"Col\"\"x\"") == column("Col\"x", of: "My Table"))
        #expect(try expression("ação") == column("ação"))
    }

    @Test func functionCalls() throws {
        #expect(try expression("count(*)") == Expression(.function(FunctionCall(name: "count", arguments: .star))))
        #expect(try expression("COUNT(DISTINCT cliente_id)") == call("count", column("cliente_id"), distinct: true))
        #expect(try expression("now()") == Expression(.function(FunctionCall(name: "now", arguments: .list([])))))
        #expect(try expression("round(avg(v), 2)") == call("round", call("avg", column("v")), integer(2)))
        #expect(try expression("whatever_fn(1)") == call("whatever_fn", integer(1)))
    }

    @Test func caseExpressions() throws {
        let searched = try expression("case when a > 1 then 'x' when a > 0 then 'y' else 'z' end")
        #expect(searched == Expression(.caseWhen(CaseExpression(branches: [
            CaseBranch(when: binary(.greater, column("a"), integer(1)), then: text("x")),
            CaseBranch(when: binary(.greater, column("a"), integer(0)), then: text("y")),
        ], elseResult: text("z")))))
        let simple = try expression("case status when 1 then 'aberta' end")
        #expect(simple == Expression(.caseWhen(CaseExpression(operand: column("status"), branches: [
            CaseBranch(when: integer(1), then: text("aberta")),
        ]))))
    }

    @Test(arguments: CastType.allCases)
    func casts(type: CastType) throws {
        #expect(try expression("cast(x as \(type.rawValue.uppercased()))") == Expression(.cast(column("x"), type)))
    }

    @Test func predicates() throws {
        #expect(try expression("x is null") == Expression(.isNull(column("x"), negated: false)))
        #expect(try expression("x is not null") == Expression(.isNull(column("x"), negated: true)))
        #expect(try expression("x in (1)") == Expression(.inList(column("x"), [integer(1)], negated: false)))
        #expect(try expression("x like 'a%'") == Expression(.like(column("x"), pattern: text("a%"), caseInsensitive: false, negated: false)))
        #expect(try expression("x not ilike 'a%'") == Expression(.like(column("x"), pattern: text("a%"), caseInsensitive: true, negated: true)))
        #expect(try expression("x between 1 and 2") == Expression(.between(column("x"), low: integer(1), high: integer(2), negated: false)))
    }

    @Test func unaryMinusIsAnOperatorNotPartOfTheLiteral() throws {
        #expect(try expression("-5") == Expression(.unary(.negate, integer(5))))
    }

    @Test func operatorNodesAreLocatedAtTheOperator() throws {
        let sum = try expression("a +\n  b")
        #expect(sum.location == SourceLocation(offset: 2, line: 1, column: 3))
        guard case let .binary(left, steps) = sum.kind, let right = steps.first?.operand else { return #expect(Bool(false)) }
        #expect(left.location == SourceLocation(offset: 0, line: 1, column: 1))
        #expect(right.location == SourceLocation(offset: 6, line: 2, column: 3))
    }

    @Test func locationsAreIgnoredByEquality() throws {
        #expect(try expression("a+b") == expression("  a\n+\tb"))
        #expect(Identifier("x", at: SourceLocation(offset: 9, line: 3, column: 2)) == Identifier("x"))
    }

    @Test func offsetsCountUTF8Bytes() throws {
        let select = try parseSelect("select 'ção', x from t")
        guard case let .expression(second, _) = select.items[1] else { return #expect(Bool(false)) }
        // 'ção' is 5 scalars but 7 UTF-8 bytes: columns count scalars, offsets count bytes.
        #expect(second.location == SourceLocation(offset: 16, line: 1, column: 15))
    }

    @Test func commentsAreBlankSpace() throws {
        #expect(try expression("1 /* one */ + -- plus\n 2") == binary(.add, integer(1), integer(2)))
    }
}
