import Foundation
import NectarQL
import Testing

/// Dates as an analyst types them: intervals, date_diff, dd/MM/yyyy literals, integer casts, and
/// a constant date expression still reaching the API as a date filter.
@Suite struct DateArithmeticTests {
    /// The one value of a one-row, one-column select.
    private func value(_ session: MockSession, _ expression: String) async throws -> Value {
        try await session.rows("select " + expression)[0][0]
    }

    private func timestamp(_ session: MockSession, _ text: String) async throws -> Value {
        try await value(session, "cast('\(text)' as timestamp)")
    }

    @Test("timestamp ± interval moves the wall clock in the session zone, months clamped to the month's end")
    func intervalArithmetic() async throws {
        try await MockSession.run { session in
            let cases: [(String, Int64)] = [
                ("cast('2024-03-10 14:30' as timestamp) - interval '30 days'", Expected.saoPaulo(2024, 2, 9, 14, 30)),
                ("cast('2024-03-10 14:30' as timestamp) + interval '1 day'", Expected.saoPaulo(2024, 3, 11, 14, 30)),
                ("cast('2024-03-10 14:30' as timestamp) - interval '2 hours'", Expected.saoPaulo(2024, 3, 10, 12, 30)),
                ("cast('2024-03-10 14:30' as timestamp) + interval '90 minutes'", Expected.saoPaulo(2024, 3, 10, 16, 0)),
                ("cast('2024-01-31' as timestamp) + interval '1 month'", Expected.saoPaulo(2024, 2, 29)),
                ("cast('2024-02-29' as timestamp) - interval '1 year'", Expected.saoPaulo(2023, 2, 28)),
                ("cast('2024-03-10' as timestamp) + interval '2 weeks'", Expected.saoPaulo(2024, 3, 24)),
                ("cast('2024-03-10' as timestamp) + interval '1 quarter'", Expected.saoPaulo(2024, 6, 10)),
                ("interval '1 day' + cast('2024-03-10' as timestamp)", Expected.saoPaulo(2024, 3, 11)),
                ("'2024-03-10' + interval '1 year 2 months'", Expected.saoPaulo(2025, 5, 10)),
                ("cast('2024-03-10' as timestamp) - interval '1 day' - interval '12 hours'", Expected.saoPaulo(2024, 3, 8, 12)),
            ]
            for (expression, expected) in cases {
                let result = try await value(session, expression)
                #expect(result == .timestamp(expected), "\(expression)")
            }
            let null = try await value(session, "cast(null as timestamp) + interval '1 day'")
            #expect(null == .null)
        }
    }

    @Test("across a daylight-saving change, a day keeps the hour and 24 hours do not")
    func daysFollowTheWallClock() async throws {
        // São Paulo moved its clocks from 00:00 to 01:00 on 2018-11-04.
        try await MockSession.run { session in
            let day = try await value(session, "date(cast('2018-11-03 12:00' as timestamp) + interval '1 day') || ' ' || cast(cast('2018-11-03 12:00' as timestamp) + interval '1 day' as text)")
            #expect(day == .text("2018-11-04 2018-11-04 12:00:00"))
            let hours = try await value(session, "cast(cast('2018-11-03 12:00' as timestamp) + interval '24 hours' as text)")
            #expect(hours == .text("2018-11-04 13:00:00"))
        }
    }

    @Test("a wall-clock time a zone skips moves forward and a repeated one is the earlier, as in PostgreSQL")
    func gapsAndOverlaps() async throws {
        try await MockSession.run { session in
            let cases: [(zone: String, text: String, utc: String)] = [
                ("America/New_York", "2024-03-10 02:30", "2024-03-10 07:30:00"),  // skipped: 03:30 EDT
                ("Europe/Berlin", "2024-03-31 02:30", "2024-03-31 01:30:00"),  // skipped: 03:30 CEST
                ("America/New_York", "2024-11-03 01:30", "2024-11-03 05:30:00"),  // twice: the EDT one
                ("Europe/Berlin", "2024-10-27 02:30", "2024-10-27 00:30:00"),  // twice: the CEST one
                ("America/Sao_Paulo", "2018-11-04 00:30", "2018-11-04 03:30:00"),  // skipped: 01:30 −02:00
                ("America/Sao_Paulo", "2024-03-10 14:30", "2024-03-10 17:30:00"),
            ]
            for (zone, text, utc) in cases {
                session.engine.setTimeZone(TimeZone(identifier: zone)!)
                let instant = try await timestamp(session, text)
                session.engine.setTimeZone(TimeZone(identifier: "UTC")!)
                #expect(instant == (try await timestamp(session, utc)), "\(zone) \(text)")
            }
        }
    }

    @Test("now() - interval '30 days' is thirty days before the statement's now()")
    func nowMinusAnInterval() async throws {
        try await MockSession.run { session in
            let row = try await session.rows("select now(), now() - interval '30 days', now() - interval '3 hours'")[0]
            guard case .timestamp(let now) = row[0] else {
                Issue.record("now() is \(row[0])")
                return
            }
            #expect(row[1] == .timestamp(now - 30 * 86_400_000), "São Paulo has no daylight saving today")
            #expect(row[2] == .timestamp(now - 3 * 3_600_000))
        }
    }

    @Test("intervals only move timestamps; anything else is an error before any request")
    func intervalMisuse() async throws {
        try await MockSession.run { session in
            let refusals = [
                ("select interval '1 day'", "an interval can only be added to or subtracted from a timestamp"),
                ("select 1 + interval '1 day'", "'+' with an interval needs timestamp, but 1 is float"),
                ("select now() * interval '1 day'", "'*' cannot take an interval here"),
                ("select interval '1 day' - now()", "'-' cannot take an interval here"),
                ("select now() - now()", "cannot subtract timestamps; use date_diff('day', start, end)"),
                ("select count(*) from contatos where datacriacao > now() - interval '7 dias'", "unknown interval unit 'dias'"),
            ]
            for (sql, message) in refusals {
                await #expect(throws: QueryError.self, "\(sql)") { try await session.rows(sql) }
                do {
                    _ = try await session.rows(sql)
                } catch let error as QueryError {
                    #expect(error.message.contains(message), "\(sql): \(error.message)")
                }
                #expect(session.requests.isEmpty)
            }
        }
    }

    @Test("date_diff counts the unit's boundaries between two instants in the session zone, as DuckDB does")
    func dateDiff() async throws {
        try await MockSession.run { session in
            let cases: [(String, String, String, Double)] = [
                ("day", "2024-03-01 23:00", "2024-03-02 01:00", 1),
                ("day", "2024-03-02 01:00", "2024-03-01 23:00", -1),
                ("day", "2024-03-01 00:00", "2024-03-01 23:59", 0),
                ("days", "2024-01-01", "2024-12-31", 365),
                ("week", "2024-03-10", "2024-03-11", 1),  // Sunday → Monday
                ("week", "2024-03-11", "2024-03-17", 0),  // Monday → Sunday
                ("month", "2024-01-31", "2024-02-01", 1),
                ("month", "2023-11-15", "2024-02-14", 3),
                ("quarter", "2024-03-31", "2024-04-01", 1),
                ("year", "2023-12-31 23:59", "2024-01-01", 1),
                ("hour", "2024-03-01 10:59", "2024-03-01 11:00", 1),
                ("minute", "2024-03-01 10:00:59", "2024-03-01 10:01:00", 1),
                ("second", "2024-03-01 10:00:00", "2024-03-01 10:01:30", 90),
                ("DAY", "01/03/2024", "05/03/2024", 4),
            ]
            for (unit, start, end, expected) in cases {
                let result = try await value(session, "date_diff('\(unit)', cast('\(start)' as timestamp), cast('\(end)' as timestamp))")
                #expect(result == .float(expected), "date_diff('\(unit)', \(start), \(end))")
            }
            let null = try await value(session, "date_diff('day', null, now())")
            #expect(null == .null)
            await #expect(throws: QueryError.self) { try await session.rows("select date_diff('fortnight', now(), now())") }
        }
    }

    @Test("date_diff counts days in the session zone: 23:00 and 01:30 the next day are one day apart in São Paulo, none in Bogotá")
    func dateDiffUsesTheSessionZone() async throws {
        let expression = "date_diff('day', cast('2024-03-01T23:00:00-03:00' as timestamp), cast('2024-03-02T01:30:00-03:00' as timestamp))"
        let saoPaulo = try await MockSession.run { session in try await value(session, expression) }
        #expect(saoPaulo == .float(1))
        let bogota = try await MockSession.run(configure: { $0.timeZone = TimeZone(identifier: "America/Bogota")! }) { session in
            try await value(session, expression)
        }
        #expect(bogota == .float(0))
    }

    @Test("dates typed dd/MM/yyyy read as the day they name, with or without a time")
    func brazilianDateLiterals() async throws {
        try await MockSession.run { session in
            let cases: [(String, Int64)] = [
                ("05/03/2024", Expected.saoPaulo(2024, 3, 5)),
                ("5/3/2024", Expected.saoPaulo(2024, 3, 5)),
                ("05/03/2024 14:30", Expected.saoPaulo(2024, 3, 5, 14, 30)),
                ("31/12/2023 23:59:00", Expected.saoPaulo(2023, 12, 31, 23, 59)),
            ]
            for (text, expected) in cases {
                let read = try await timestamp(session, text)
                #expect(read == .timestamp(expected), "\(text)")
            }
            await #expect(throws: QueryError.self) { try await session.rows("select cast('31/02/2024' as timestamp)") }
            await #expect(throws: QueryError.self) { try await session.rows("select cast('2024/03/05' as timestamp)") }

            let iso = try await session.rows("select id from contatos where datacriacao >= '2023-02-10' order by id")
            let isoRequests = session.requests.listings
            let brazilian = try await session.rows("select id from contatos where datacriacao >= '10/02/2023' order by id")
            #expect(brazilian == iso)
            #expect(session.requests.listings == isoRequests)
            #expect(isoRequests == [["dataInicio": "10/02/2023"]])
        }
    }

    @Test("a constant date expression is folded before the pushdown: now() - interval '7 days' becomes dataInicio")
    func constantDateExpressionsArePushed() async throws {
        try await MockSession.run { session in
            let sql = "select id from oportunidades where status = 1 and datacriacao >= now() - interval '400 days'"
            let before = Date()
            let rows = try await session.rows(sql)
            let after = Date()
            let days = Set([before, after].map { Self.brazilianDay($0.addingTimeInterval(-400 * 86_400)) })
            let listings = session.requests.listings
            #expect(listings.count == 1)
            #expect(listings.allSatisfy { $0["status"] == "1" && days.contains($0["dataInicio"] ?? "") }, "\(listings)")
            let cutoff = Int64((before.timeIntervalSince1970 - 400 * 86_400) * 1000)
            let expected = session.dataset.records(.oportunidades).filter {
                Expected.float($0, "status") == 1 && (Expected.timestamp($0, "dataCriacao").map { $0 >= cutoff } ?? false)
            }
            #expect(abs(rows.count - expected.count) <= 1, "the cutoff moved by at most the statement's run time")

            let plan = try await session.explain(sql)
            let pushed = plan.filter { $0.contains("pushed to the API: datacriacao range → dataInicio=") }
            #expect(pushed.count == 1 && days.contains { day in pushed[0].contains(day) }, "\(plan)")
        }
    }

    @Test("cast(x as integer) is the number truncated toward zero; int and bigint are the same")
    func integerCasts() async throws {
        try await MockSession.run { session in
            let row = try await session.rows("select cast(3.7 as integer), cast(-3.7 as int), cast('42.9' as bigint), cast(true as integer), cast(null as integer)")[0]
            #expect(row == [.float(3), .float(-3), .float(42), .float(1), .null])
            let values = try await session.rows("select valortotal, cast(valortotal as integer) from oportunidades where status = 2")
            #expect(!values.isEmpty)
            for row in values {
                #expect(row[1] == (row[0].double.map { .float($0.rounded(.towardZero)) } ?? .null))
            }
        }
    }

    private static func brazilianDay(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "dd/MM/yyyy"
        formatter.timeZone = TimeZone(secondsFromGMT: -3 * 3600)
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: date)
    }
}
