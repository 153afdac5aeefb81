/// The fake account's custom fields (`GET campoPersonalizado/`), with the cases a client must
/// survive: names that give the same column (`Região`, `Regiao`), accents, an emoji and
/// punctuation, an accented capital, an inactive field, a field no record fills (`Código ERP`),
/// and a field renamed after records were filed under its old label (`Origem do lead`, once
/// `Origem do contato`).
public enum CustomFieldDefinitions {
    /// The paths the API documents for the definitions (nectar-api.md).
    static let paths: Set<String> = ["campoPersonalizado", "camposPersonalizados", "customField", "customFields"]

    /// The label some records still use for `Origem do lead`: it has no definition any more.
    public static let renamedLabel = "Origem do contato"

    /// The contact generator files these two on every contact.
    public static let funcionarios = field(99, "Número de funcionários", tipo: 0, "Contato")
    public static let clienteDesde = field(100, "Cliente desde", tipo: 1, "Contato")
    public static let segmento = field(101, "Segmento de atuação", alias: "segmento_atuacao", tipo: 5, "Contato",
                                       opcoes: ["Varejo", "Indústria", "Serviços", "Agronegócio", "Tecnologia"])
    public static let regiao = field(102, "Região", tipo: 1, "Contato")
    public static let regiaoSigla = field(103, "Regiao", tipo: 1, "Contato")
    public static let expansao = field(104, "Área 🚀 de expansão (nº)", tipo: 0, "Contato")
    public static let clienteVIP = field(105, "Cliente VIP", tipo: 4, "Contato")
    public static let campoAntigo = field(106, "Campo antigo", tipo: 1, "Contato", ativo: false)
    public static let origemDoLead = field(107, "Origem do lead", tipo: 7, "Contato", opcoes: ["Indicação", "Site", "Evento", "Google Ads"])
    public static let valorDoContrato = field(108, "Valor do contrato", tipo: 3, "Oportunidade")
    public static let dataDeRenovacao = field(109, "Data de renovação", tipo: 2, "Oportunidade")
    public static let contratoAssinado = field(110, "Contrato assinado?", tipo: 11, "Oportunidade")
    public static let probabilidade = field(111, "Probabilidade (%)", tipo: 12, "Oportunidade")
    public static let codigoERP = field(112, "Código ERP", tipo: 1, "Compromisso")
    public static let prioridade = field(113, "Prioridade interna", tipo: 7, "Tarefa", opcoes: ["Alta", "Média", "Baixa"])

    /// Every definition, in the order the API lists them.
    public static let all: [MockJSON] = [
        funcionarios, clienteDesde, segmento, regiao, regiaoSigla, expansao, clienteVIP, campoAntigo, origemDoLead, valorDoContrato, dataDeRenovacao,
        contratoAssinado, probabilidade, codigoERP, prioridade,
    ]

    private static func field(
        _ id: Int, _ nome: String, alias: String? = nil, tipo: Int, _ relacionado: String, opcoes: [String] = [],
        ativo: Bool = true
    ) -> MockJSON {
        [
            "id": .int(id), "nome": .string(nome), "alias": .optional(alias), "tipo": .int(tipo),
            "relacionado": .string(relacionado), "opcoes": .array(opcoes.map(MockJSON.string)),
            "secao": ["id": 7, "ativo": true, "nome": "Dados comerciais"], "sequencia": .int(id - 100),
            "obrigatorio": false, "mostrarFiltro": true, "ativo": .bool(ativo),
        ]
    }

    /// A definition's name.
    public static func name(_ definition: MockJSON) -> String { definition["nome"]?.stringValue ?? "" }
}
