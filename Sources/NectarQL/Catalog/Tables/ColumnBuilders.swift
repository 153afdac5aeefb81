/// Short builders so each table file reads as one line per seed column.
///
/// A seed column name is its JSON path lower-cased with `_` between keys
/// (`autorAtualizacao.login` → `autoratualizacao_login`), so the builders derive the name
/// from the API's camelCase path and the two can never disagree.
enum Column {
    /// A leaf of the row's own object (the record, or for a child table the array element).
    static func at(_ path: String, _ type: SQLType, _ summary: String? = nil) -> ColumnDefinition {
        let keys = path.split(separator: ".").map(String.init)
        return ColumnDefinition(seedName(keys), type, .field(keys), summary: summary)
    }

    /// A leaf of an array element whose seed name carries the array's name as a prefix
    /// (`enderecos` + `cep` → `enderecos_cep`, read from the element's `cep`).
    static func element(of array: String, _ path: String, _ type: SQLType, _ summary: String? = nil) -> ColumnDefinition {
        let keys = path.split(separator: ".").map(String.init)
        return ColumnDefinition(array.lowercased() + "_" + seedName(keys), type, .field(keys), summary: summary)
    }

    /// A child table's copy of its parent record's id.
    static func parentID(_ name: String, _ summary: String? = nil) -> ColumnDefinition {
        ColumnDefinition(name, .float, .parent(["id"]), summary: summary)
    }

    /// The three leaves of a nested user object (`autor`, `responsavel`, …): id, login, nome.
    static func user(_ key: String) -> [ColumnDefinition] {
        [at("\(key).id", .float), at("\(key).login", .text), at("\(key).nome", .text)]
    }

    /// Leaves of one nested object, in the seed's order.
    static func leaves(of key: String, _ fields: KeyValuePairs<String, SQLType>) -> [ColumnDefinition] {
        fields.map { at("\(key).\($0.key)", $0.value) }
    }

    /// The client summary that compromissos and oportunidades embed (the seed lists the same leaves).
    static let clienteSummary = leaves(of: "cliente", [
        "cnpj": .text, "diasSemInteracao": .float, "email": .text, "emailPrincipal": .text, "empresa": .boolean,
        "id": .float, "isEmpresa": .boolean, "nome": .text, "razaoSocial": .text, "telefone": .text,
        "telefonePrincipal": .text,
    ])

    /// The current stage, as oportunidades and qualificacoes embed it.
    static let etapaAtual = leaves(of: "etapaAtual", [
        "gerarProposta": .boolean, "id": .float, "nome": .text, "prazo": .float, "produtoObrigatorio": .boolean,
        "sequencia": .float,
    ])

    /// The pipeline, as oportunidades and qualificacoes embed it.
    static let funilVenda = leaves(of: "funilVenda", [
        "cascataCicloVida": .float, "id": .float, "nome": .text, "padrao": .boolean,
    ])

    private static func seedName(_ keys: [String]) -> String {
        keys.joined(separator: "_").lowercased()
    }
}

/// The filters the created/updated date pairs share across endpoints (nectar-api.md).
enum CommonFilters {
    static let created = PushableFilter("datacriacao", .dateRange(from: "dataInicio", to: "dataFim"))
    static let updated = PushableFilter(
        "dataatualizacao", .dateRange(from: "dataInicioAtualizacao", to: "dataFimAtualizacao"))
    static let limit = PushableFilter("datalimite", .dateRange(from: "dataInicioLimite", to: "dataFimLimite"))
}
