@testable import NectarSyntax
import Testing

/// `interval '…'` literals and `cast(x as integer)`, as an analyst types them.
@Suite("Intervals and integer casts")
struct DateSyntaxTests {
    private func expression(_ text: String) throws -> Expression { try Parser.parseExpression(text) }
    private func interval(_ parts: IntervalLiteral.Part...) -> Expression { Expression(.literal(.interval(IntervalLiteral(parts)))) }

    @Test("interval '30 days', singular or plural, any case, several parts")
    func intervalLiterals() throws {
        #expect(try expression("interval '30 days'") == interval(.init(30, .day)))
        #expect(try expression("INTERVAL '1 Day'") == interval(.init(1, .day)))
        #expect(try expression("interval '2 hours 30 minutes'") == interval(.init(2, .hour), .init(30, .minute)))
        #expect(try expression("interval '-1 month'") == interval(.init(-1, .month)))
        for unit in ["millisecond", "second", "minute", "hour", "day", "week", "month", "quarter", "year"] {
            #expect(try expression("interval '3 \(unit)s'") == expression("interval '3 \(unit)'"), "\(unit)")
        }
    }

    @Test("now() - interval '7 days' is one subtraction; the printer writes the interval back")
    func intervalArithmeticPrints() throws {
        let moved = try expression("now() - interval '7 days' + interval '1 hour'")
        #expect(moved == binary(.add, binary(.subtract, call("now"), interval(.init(7, .day))), interval(.init(1, .hour))))
        #expect(Printer.print(moved) == "now() - interval '7 days' + interval '1 hour'")
        #expect(Printer.print(try expression("interval '1 DAYS'")) == "interval '1 day'")
    }

    @Test("a bad interval is reported at its text, with the units it knows")
    func badIntervals() {
        #expect(parseError("select interval '3 fortnights'")?.message.hasPrefix("unknown interval unit 'fortnights'; use one of millisecond, second") == true)
        #expect(parseError("select interval '3 fortnights'")?.location?.column == 17)
        #expect(parseError("select interval '3'")?.message == "every count in an interval needs a unit, e.g. '30 days' or '1 hour 30 minutes'")
        #expect(parseError("select interval 'many days'")?.message.contains("'many' is not a whole number") == true)
    }

    @Test("interval is still a name where no text follows it")
    func intervalAsName() throws {
        #expect(try expression("interval") == column("interval"))
        #expect(try expression("interval + 1") == binary(.add, column("interval"), integer(1)))
    }

    @Test("cast(x as integer), int and bigint are one type")
    func integerCasts() throws {
        for word in ["integer", "INT", "bigint"] {
            #expect(try expression("cast(x as \(word))") == Expression(.cast(column("x"), .integer)), "\(word)")
        }
        #expect(Printer.print(try expression("cast(x as int)")) == "cast(x as integer)")
    }
}
