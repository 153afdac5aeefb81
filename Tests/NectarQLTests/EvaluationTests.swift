import Foundation
import NectarMock
import NectarQL
import Testing

/// Local evaluation: SQL's three-valued logic, aggregates, ordering, limits, functions and time
/// zones, each compared with the same computation done here over the records.
@Suite struct EvaluationTests {
    /// SQL's AND/OR/NOT over true, false and unknown (nil).
    static func and(_ a: Bool?, _ b: Bool?) -> Bool? { a == false || b == false ? false : (a == nil || b == nil ? nil : true) }
    static func or(_ a: Bool?, _ b: Bool?) -> Bool? { a == true || b == true ? true : (a == nil || b == nil ? nil : false) }
    static func not(_ a: Bool?) -> Bool? { a.map { !$0 } }
    static func equal(_ a: Double?, _ b: Double) -> Bool? { a.map { $0 == b } }

    static func ids(_ rows: [[Value]]) -> [Double] { rows.compactMap { $0[0].double }.sorted() }
    static func ids(_ records: [MockJSON], where keep: (MockJSON) -> Bool?) -> [Double] {
        records.filter { keep($0) == true }.compactMap { Expected.float($0, "id") }.sorted()
    }

    @Test("NULL in and, or, not and in follows three-valued logic: only true keeps a row")
    func threeValuedLogic() async throws {
        try await MockSession.run { session in
            let contatos = session.dataset.records(.contatos)
            let parent = { (r: MockJSON) in Expected.float(r, "contatoPai.id") }
            let constante = { (r: MockJSON) in Expected.float(r, "constante") }
            #expect(contatos.contains { parent($0) == nil } && contatos.contains { parent($0) != nil })

            let notAnd = try await session.rows("select id from contatos where not (contatopai_id > 0 and constante = 1)")
            #expect(Self.ids(notAnd) == Self.ids(contatos) { Self.not(Self.and(parent($0).map { $0 > 0 }, Self.equal(constante($0), 1))) })

            let orNull = try await session.rows("select id from contatos where contatopai_id > 0 or constante = 1")
            #expect(Self.ids(orNull) == Self.ids(contatos) { Self.or(parent($0).map { $0 > 0 }, Self.equal(constante($0), 1)) })

            let notNull = try await session.rows("select id from contatos where not (contatopai_id > 0)")
            #expect(notNull.isEmpty, "every parent id is positive, and NOT unknown is unknown")

            let inWithNull = try await session.rows("select id from contatos where constante in (1, null)")
            #expect(Self.ids(inWithNull) == Self.ids(contatos) { constante($0) == 1 })
            let notInWithNull = try await session.rows("select id from contatos where constante not in (1, null)")
            #expect(notInWithNull.isEmpty, "x not in (…, null) is never true")

            let equalsNull = try await session.rows("select id from contatos where contatopai_id = null")
            #expect(equalsNull.isEmpty)
            let isNull = try await session.rows("select id from contatos where contatopai_id is null")
            #expect(Self.ids(isNull) == Self.ids(contatos) { parent($0) == nil })
        }
    }

    @Test("case, between and coalesce treat NULL as unknown")
    func unknownInExpressions() async throws {
        try await MockSession.run { session in
            let rows = try await session.rows(
                "select id, case when contatopai_id > 0 then 'pai' else 'sem' end, contatopai_id between 1 and 99999999, coalesce(contatopai_id, -1) from contatos")
            let expected = session.dataset.records(.contatos).map { record -> [Value] in
                let parent = Expected.float(record, "contatoPai.id")
                return [Expected.value(record, "id", .float), .text(parent.map { $0 > 0 } == true ? "pai" : "sem"),
                        parent.map { .boolean($0 >= 1 && $0 <= 99_999_999) } ?? .null, .float(parent ?? -1)]
            }
            #expect(sortedRows(rows) == sortedRows(expected))
        }
    }

    @Test("count(*), count(x), count(distinct x), sum, avg, min and max per group, with having")
    func aggregates() async throws {
        try await MockSession.run { session in
            let sql = """
                select status, count(*), count(datalimite), count(distinct responsavel_id), sum(valortotal), avg(valortotal),
                min(valortotal), max(datacriacao) from oportunidades group by status having count(*) > 10 order by status
                """
            let rows = try await session.rows(sql)
            let groups = Dictionary(grouping: session.dataset.records(.oportunidades)) { Expected.float($0, "status") ?? -1 }
            let expected = groups.filter { $0.value.count > 10 }.sorted { $0.key < $1.key }
            #expect(rows.count == expected.count)
            for (row, (status, records)) in zip(rows, expected) {
                let values = records.compactMap { Expected.float($0, "valorTotal") }
                #expect(row[0] == .float(status))
                #expect(row[1] == .float(Double(records.count)))
                #expect(row[2] == .float(Double(records.compactMap { Expected.timestamp($0, "dataLimite") }.count)))
                #expect(row[3] == .float(Double(Set(records.compactMap { Expected.float($0, "responsavel.id") }).count)))
                let sum = values.reduce(0, +)
                #expect(abs((row[4].double ?? .nan) - sum) <= 1e-9 * abs(sum))
                #expect(abs((row[5].double ?? .nan) - sum / Double(values.count)) <= 1e-9 * abs(sum))
                #expect(row[6] == .float(values.min()!))
                #expect(row[7] == .timestamp(records.compactMap { Expected.timestamp($0, "dataCriacao") }.max()!))
            }

            let empty = try await session.rows("select count(*), count(valortotal), sum(valortotal), max(valortotal) from oportunidades where valortotal < 0")
            #expect(empty == [[.float(0), .float(0), .null, .null]], "aggregates over no rows")
        }
    }

    @Test("distinct, and order by several keys with nulls first and last")
    func distinctAndOrder() async throws {
        try await MockSession.run { session in
            let records = session.dataset.records(.oportunidades)
            let owners = try await session.rows("select distinct responsavel_id from oportunidades")
            let expectedOwners = Set(records.map { Expected.value($0, "responsavel.id", .float) })
            #expect(owners.count == expectedOwners.count)
            #expect(Set(owners.map { $0[0] }) == expectedOwners)

            let sorted = try await session.rows("select status, valortotal, id from oportunidades order by status desc, valortotal nulls first, id")
            let expected = records.map { [Expected.value($0, "status", .float), Expected.value($0, "valorTotal", .float), Expected.value($0, "id", .float)] }
                .sorted { a, b in
                    if a[0] != b[0] { return a[0].double! > b[0].double! }
                    if a[1] != b[1] { return a[1].isNull || (!b[1].isNull && a[1].double! < b[1].double!) }
                    return a[2].double! < b[2].double!
                }
            #expect(sorted == expected)

            let nullsLast = try await session.rows("select contatopai_id, id from contatos order by contatopai_id desc nulls last, id")
            let parents = nullsLast.map { $0[0] }
            let firstNull = parents.firstIndex(of: .null) ?? parents.count
            #expect(parents[firstNull...].allSatisfy { $0.isNull })
            #expect(parents[..<firstNull].compactMap(\.double) == parents[..<firstNull].compactMap(\.double).sorted(by: >))
            #expect(firstNull < parents.count && firstNull > 0)

            // Without `nulls first|last`, NULL sorts last in both directions (README).
            for direction in ["asc", "desc"] {
                let plain = try await session.rows("select contatopai_id from contatos order by contatopai_id \(direction)").map { $0[0] }
                let nulls = plain.filter(\.isNull).count
                #expect(nulls > 0 && plain.suffix(nulls).allSatisfy(\.isNull), "\(direction)")
            }
        }
    }

    @Test("sorting is stable: rows equal on the key keep the order the API sent them in")
    func stableSort() async throws {
        try await MockSession.run { session in
            // Each status listing comes in id order; sorting by status alone must keep it.
            let rows = try await session.rows("select status, id from oportunidades order by status")
            for status in 1...5 {
                let ids = rows.filter { $0[0] == .float(Double(status)) }.compactMap { $0[1].double }
                #expect(ids == ids.sorted(), "status \(status)")
                #expect(!ids.isEmpty)
            }
        }
    }

    @Test("limit and offset; select * … limit 5 makes exactly one request")
    func limits() async throws {
        try await MockSession.run { session in
            let all = session.dataset.records(.contatos).compactMap { Expected.float($0, "id") }.sorted()
            let window = try await session.rows("select id from contatos order by id limit 5 offset 3")
            #expect(window.map { $0[0] } == all[3..<8].map { Value.float($0) })

            let five = try await session.rows("select * from contatos limit 5")
            #expect(five.count == 5)
            #expect(session.server.statistics().requests == 1)

            let skipped = try await session.rows("select id from contatos order by id desc limit 10 offset \(all.count - 2)")
            #expect(skipped.map { $0[0] } == [.float(all[1]), .float(all[0])])
            let paged = try await session.rows("select id from contatos limit 3 offset 49")
            #expect(paged.map { $0[0] } == all[49..<52].map { Value.float($0) }, "the API lists by id")
            #expect(session.server.statistics().requests == 2, "rows 50 to 52 need the first two pages")

            let children = try await session.rows("select contato_id, enderecos_cep from contatos_enderecos limit 5")
            #expect(children.count == 5)
            #expect(session.server.statistics().requests == 1)

            let none = try await session.rows("select id from contatos limit 0")
            #expect(none.isEmpty)
        }
    }

    @Test("a limit above a filter stops the fetching once it has its rows")
    func limitStopsFiltered() async throws {
        try await MockSession.run(scale: 0.5) { session in
            let all = try await session.rows("select id from oportunidades where valortotal >= 0")
            let whole = session.server.statistics().requests
            let three = try await session.rows("select id from oportunidades where valortotal >= 0 limit 3")
            #expect(three.count == 3)
            #expect(Set(three.map { $0[0] }).isSubset(of: Set(all.map { $0[0] })))
            #expect(session.server.statistics().requests < whole, "\(session.server.statistics().requests) of \(whole)")
        }
    }

    @Test("scalar functions over text and numbers")
    func scalarFunctions() async throws {
        try await MockSession.run { session in
            let rows = try await session.rows("""
                select id, lower(nome), upper(nome), length(nome), substr(nome, 2, 3), trim('  ' || nome || ' '),
                coalesce(skype, 'sem skype'), nullif(constante, 0), round(receitaanual), abs(0 - receitaanual)
                from contatos order by id
                """)
            let records = session.dataset.records(.contatos).sorted { Expected.float($0, "id")! < Expected.float($1, "id")! }
            #expect(rows.count == records.count)
            for (row, record) in zip(rows, records) {
                let name = try #require(Expected.text(record, "nome"))
                let income = Expected.float(record, "receitaAnual")
                let constante = Expected.float(record, "constante")
                let expected: [Value] = [
                    .float(Expected.float(record, "id")!), .text(name.lowercased()), .text(name.uppercased()),
                    .float(Double(name.count)), .text(String(name.dropFirst().prefix(3))), .text(name),
                    .text(Expected.text(record, "skype") ?? "sem skype"), constante == 0 ? .null : Expected.value(record, "constante", .float),
                    income.map { .float($0.rounded(.toNearestOrAwayFromZero)) } ?? .null, income.map { .float(abs($0)) } ?? .null,
                ]
                #expect(row == expected)
            }
        }
    }

    @Test("year, month, day, date and date_trunc read timestamps in the session time zone")
    func datesInSessionZone() async throws {
        try await MockSession.run { session in
            let sql = "select id, year(datacriacao), month(datacriacao), day(datacriacao), date_trunc('month', datacriacao) from oportunidades order by id"
            let records = session.dataset.records(.oportunidades).sorted { Expected.float($0, "id")! < Expected.float($1, "id")! }
            for zone in [TimeZone(identifier: "America/Sao_Paulo")!, TimeZone(identifier: "UTC")!] {
                session.engine.setTimeZone(zone)
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = zone
                let rows = try await session.rows(sql)
                let expected = records.map { record -> [Value] in
                    guard let ms = Expected.timestamp(record, "dataCriacao") else { return [Expected.value(record, "id", .float), .null, .null, .null, .null] }
                    let date = Date(timeIntervalSince1970: Double(ms) / 1000)
                    let parts = calendar.dateComponents([.year, .month, .day], from: date)
                    let monthStart = calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: 1))!
                    return [Expected.value(record, "id", .float), .float(Double(parts.year!)), .float(Double(parts.month!)),
                            .float(Double(parts.day!)), .timestamp(Int64(monthStart.timeIntervalSince1970 * 1000))]
                }
                #expect(rows == expected, "zone \(zone.identifier)")
            }
            // Some creation times fall on a different day in UTC than in São Paulo, so the zone matters.
            #expect(records.contains { record in
                guard let ms = Expected.timestamp(record, "dataCriacao") else { return false }
                let hour = (ms / 3_600_000) % 24
                return hour < 3
            })
        }
    }

    @Test("grouping by a month in the session zone")
    func groupByMonth() async throws {
        try await MockSession.run { session in
            let rows = try await session.rows("select date_trunc('month', datacriacao) as m, count(*) from oportunidades group by m order by m")
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "America/Sao_Paulo")!
            var counts: [Value: Int] = [:]
            for record in session.dataset.records(.oportunidades) {
                let month: Value = Expected.timestamp(record, "dataCriacao").map { ms in
                    let parts = calendar.dateComponents([.year, .month], from: Date(timeIntervalSince1970: Double(ms) / 1000))
                    return .timestamp(Int64(calendar.date(from: parts)!.timeIntervalSince1970 * 1000))
                } ?? .null
                counts[month, default: 0] += 1
            }
            #expect(rows.count == counts.count)
            for row in rows { #expect(row[1] == .float(Double(counts[row[0]] ?? -1)), "\(row[0])") }
            let months = rows.compactMap { row -> Int64? in if case .timestamp(let ms) = row[0] { return ms } else { return nil } }
            #expect(months == months.sorted())
        }
    }

    @Test("timestamps compare with 'YYYY-MM-DD' literals as midnight in the session zone")
    func timestampLiterals() async throws {
        try await MockSession.run { session in
            let records = session.dataset.records(.tarefas)
            let midnight = Expected.saoPaulo(2024, 1, 1)
            let before = try await session.rows("select id from tarefas where datacriacao < '2024-01-01'")
            #expect(Self.ids(before) == Self.ids(records) { Expected.timestamp($0, "dataCriacao").map { $0 < midnight } })
            let onOrAfter = try await session.rows("select id from tarefas where '2024-01-01' <= datacriacao")
            #expect(Self.ids(onOrAfter) == Self.ids(records) { Expected.timestamp($0, "dataCriacao").map { $0 >= midnight } })
            let day = try await session.rows("select id from tarefas where date(datacriacao) = '2023-06-15' or datacriacao = '2023-06-15'")
            #expect(Self.ids(day) == Self.ids(records) { record in
                Expected.timestamp(record, "dataCriacao").map { $0 >= Expected.saoPaulo(2023, 6, 15) && $0 < Expected.saoPaulo(2023, 6, 16) }
            })
        }
    }
}
