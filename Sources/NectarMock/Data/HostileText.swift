/// Text that breaks naive CSV writers, spreadsheets, terminals and parsers; a few percent of the
/// fake data's free-text fields carry it, so every output path meets it in tests.
enum HostileText {
    static let samples = [
        "Comercial \"Boa Vista\" Ltda",
        "Silva, Souza & Cia",
        "Alpha; Beta; Gama",
        "Linha um\nLinha dois",
        "Carriage\r\nreturn",
        "=HYPERLINK(\"http://exemplo.invalid\",\"clique\")",
        "+55 (11) 99999-0000",
        "-2+3",
        "@SUM(A1:A9)",
        "Ação, Função & Ênfase — çãõ",
        "Café ☕️ & Açaí 🍇",
        "Tab\tseparado",
        "\\caminho\\com\\barras",
        "",
        "   espaços nas pontas   ",
        "'aspas simples'",
        "<script>alert(1)</script>",
    ]

    /// About 10,000 characters, with newlines and accents, for one record's `observacao`.
    static let longText: String = {
        let sentence = "Reunião com o cliente: negociação de prazo, desconto; \"condições especiais\" e revisão do contrato.\n"
        return String(repeating: sentence, count: 10_000 / sentence.count + 1)
    }()

    /// `text`, or (rarely) a hostile variant of it.
    static func roughen(_ text: String, _ rng: inout SeededGenerator, rate: Double = 0.03) -> String {
        guard rng.chance(rate) else { return text }
        let sample = rng.pick(samples)
        switch rng.int(0...2) {
        case 0: return sample
        case 1: return text + " " + sample
        default: return sample + text
        }
    }
}
