/// Makes a few percent of records untidy the way real API data is: a key missing, a value `null`,
/// a nested object `{}`. Keys the server filters or looks up by are left alone, so filters stay exact.
enum RecordRoughener {
    static let protectedKeys: Set<String> = [
        "id", "nome", "codigo", "status", "constante", "tipo", "dataCriacao", "dataAtualizacao", "dataLimite",
        "cliente", "funilVenda", "responsavel", "origemObject", "segmentoObject", "oportunidade", "produtos", "sequencias",
    ]

    static func roughen(_ record: MockJSON, _ rng: inout SeededGenerator) -> MockJSON {
        guard let members = record.members, rng.chance(0.06) else { return record }
        let candidates = members.filter { !protectedKeys.contains($0.key) }
        guard !candidates.isEmpty else { return record }
        let victim = rng.pick(candidates)
        switch rng.int(0...2) {
        case 0: return record.removing(victim.key)
        case 1: return record.setting(victim.key, to: .null)
        default:
            if case .object = victim.value { return record.setting(victim.key, to: .object([])) }
            return record.setting(victim.key, to: .null)
        }
    }
}
