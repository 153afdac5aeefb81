/// Files custom values on the generated records (`camposPersonalizados`, label → value), the way
/// a real account holds them: mostly strings, some numbers and booleans, numbers in Brazilian and
/// plain forms, dates as `dd/MM/yyyy` or ISO, some values filed under a field's alias or under a
/// label that no longer has a definition, and records with no object, `null` or `{}`.
/// The first records of each endpoint carry one hostile case each, so every scale has them all.
/// Runs after the rest of the data, on its own random stream, so the other values do not change.
struct CustomFieldValues {
    typealias Fields = CustomFieldDefinitions
    var rng: SeededGenerator

    mutating func fill(_ records: inout [MockEndpoint: [MockJSON]]) {
        fill(&records, .contatos, Self.contactValues)
        fill(&records, .oportunidades, Self.opportunityValues)
        fill(&records, .tarefas) { rng, _ in [(Fields.name(Fields.prioridade), .string(rng.pick(["Alta", "Média", "Baixa"])))] }
        // `Código ERP` is defined for compromissos, but no record fills it.
        fill(&records, .compromissos) { _, _ in [] }
    }

    private mutating func fill(
        _ records: inout [MockEndpoint: [MockJSON]], _ endpoint: MockEndpoint,
        _ values: (inout SeededGenerator, Int) -> [(String, MockJSON)]
    ) {
        guard let list = records[endpoint] else { return }
        records[endpoint] = list.enumerated().map { index, record in
            switch index < 3 ? index : index < 6 ? 3 : rng.int(0...40) {
            case 0: return record.setting("camposPersonalizados", to: .object([]))
            case 1: return record.setting("camposPersonalizados", to: .null)
            case 2: return record.removing("camposPersonalizados")
            default:
                // Values the record's generator already filed stay, first.
                let filed = record["camposPersonalizados"]?.members ?? []
                let members = values(&rng, index).map { MockJSON.Member($0.0, $0.1) }
                return record.setting("camposPersonalizados", to: .object(filed + members))
            }
        }
    }

    /// Record 3 files its segment under the alias, 4 its origin under the renamed label; the rest at random.
    private static func contactValues(_ rng: inout SeededGenerator, _ index: Int) -> [(String, MockJSON)] {
        var values: [(String, MockJSON)] = []
        let segment = MockJSON.string(rng.pick(["Varejo", "Indústria", "Serviços", "Agronegócio", "Tecnologia"]))
        values.append((index == 3 || rng.chance(0.1) ? "segmento_atuacao" : Fields.name(Fields.segmento), segment))
        values.append((Fields.name(Fields.regiao), .string(rng.pick(["Sudeste", "Sul", "Nordeste", "Norte", "Centro-Oeste"]))))
        values.append((Fields.name(Fields.regiaoSigla), .string(rng.pick(["SP", "RJ", "MG", "RS", "PR", "BA"]))))
        let employees = rng.int(3...4_800)
        values.append((Fields.name(Fields.expansao), rng.chance(0.5) ? .int(employees) : .string(String(employees))))
        let vip: [MockJSON] = [true, false, "sim", "não", "1", "0", "false"]
        values.append((Fields.name(Fields.clienteVIP), rng.pick(vip)))
        if rng.chance(0.2) { values.append((Fields.name(Fields.campoAntigo), "legado")) }
        let origin = MockJSON.string(rng.pick(["Indicação", "Site", "Evento", "Google Ads"]))
        values.append((index == 4 || rng.chance(0.25) ? Fields.renamedLabel : Fields.name(Fields.origemDoLead), origin))
        return values
    }

    /// Record 3 holds the contract value in Brazilian form, 4 in plain form, 5 an unparsable one.
    private static func opportunityValues(_ rng: inout SeededGenerator, _ index: Int) -> [(String, MockJSON)] {
        var values: [(String, MockJSON)] = []
        let cents = rng.int(100_000...25_000_000)
        let form = index < 6 ? index - 3 : rng.int(0...9)
        let amount: MockJSON = switch form {
        case 0, 5, 6: .string(Self.brazilian(cents))
        case 1, 7: .string(Self.plain(cents))
        case 2: "a combinar"
        case 8: .number(Double(cents) / 100)
        default: .null
        }
        if amount != .null { values.append((Fields.name(Fields.valorDoContrato), amount)) }
        let (year, month, day) = (rng.int(2026...2028), rng.int(1...12), rng.int(1...28))
        let date = rng.chance(0.5)
            ? "\(Self.twoDigits(day))/\(Self.twoDigits(month))/\(year)" : "\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day))"
        if rng.chance(0.9) { values.append((Fields.name(Fields.dataDeRenovacao), .string(date))) }
        let signed: [MockJSON] = ["sim", "não", true, false, "true", "0"]
        values.append((Fields.name(Fields.contratoAssinado), rng.pick(signed)))
        let percent = rng.int(0...100)
        values.append((Fields.name(Fields.probabilidade), rng.chance(0.5) ? MockJSON.string("0,\(Self.twoDigits(percent % 100))") : MockJSON.number(Double(percent) / 100)))
        return values
    }

    /// `1.234,56`
    static func brazilian(_ cents: Int) -> String {
        var digits = String(cents / 100)
        var grouped = ""
        while digits.count > 3 {
            grouped = "." + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return digits + grouped + "," + twoDigits(cents % 100)
    }

    /// `1234.56`
    static func plain(_ cents: Int) -> String { "\(cents / 100).\(twoDigits(cents % 100))" }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
