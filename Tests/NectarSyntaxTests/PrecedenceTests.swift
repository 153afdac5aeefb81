@testable import NectarSyntax
import Testing

@Suite("Operator precedence follows standard SQL")
struct PrecedenceTests {
    @Test(arguments: [
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("1 * 2 + 3", "(+ (* 1 2) 3)"),
        ("1 - 2 - 3", "(- (- 1 2) 3)"),
        ("8 / 4 / 2", "(/ (/ 8 4) 2)"),
        ("7 % 3 * 2", "(* (% 7 3) 2)"),
        ("-a * b", "(* (- a) b)"),
        ("- - a", "(- (- a))"),
        ("a || b + c", "(|| a (+ b c))"),
        ("a || b = c", "(= (|| a b) c)"),
        ("a = 1 or b = 2 and c = 3", "(or (= a 1) (and (= b 2) (= c 3)))"),
        ("not a = 1 and b", "(and (not (= a 1)) b)"),
        ("not not a", "(not (not a))"),
        ("a or not b", "(or a (not b))"),
        ("a + 1 is null", "(isnull (+ a 1))"),
        ("not a is not null", "(not (isnotnull a))"),
        ("x between 1 and 2 and y", "(and (between x 1 2) y)"),
        ("x not between a + 1 and b * 2", "(notbetween x (+ a 1) (* b 2))"),
        ("x in (1, 2 + 3) or y", "(or (in x [1 (+ 2 3)]) y)"),
        ("x not in ('a')", "(notin x ['a'])"),
        ("a || 'x' like 'p%' || 'q'", "(like (|| a 'x') (|| 'p%' 'q'))"),
        ("nome not ilike '%ltda%'", "(notilike nome '%ltda%')"),
        ("a < b = true", "(= (< a b) true)"),
        ("a <> b", "(<> a b)"),
        ("a != b", "(<> a b)"),
        ("a <= b or a >= c", "(or (<= a b) (>= a c))"),
        ("(1 + 2) * 3", "(* (+ 1 2) 3)"),
        ("-(1 + 2)", "(- (+ 1 2))"),
    ])
    func shapes(input: String, expected: String) throws {
        #expect(try shape(input) == expected)
    }

    @Test func notCannotFollowAComparisonWithoutParentheses() {
        #expect(parseError("select 1 = not 2")?.message == "expected an expression after '=', found 'not'")
        #expect(throws: Never.self) { try Parser.parseStatement("select 1 = (not 2)") }
    }
}
