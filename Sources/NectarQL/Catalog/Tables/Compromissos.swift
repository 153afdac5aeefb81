/// `compromissos/` (appointments) and its participants. The endpoint documents paging only.
enum CompromissosTables {
    static let endpoint = Endpoint(
        path: "compromissos/",
        lookups: [KeyLookup("id", "compromissos/{}")]
    )

    static let compromissos = TableDefinition(
        name: "compromissos", title: "Compromissos", aliases: ["nectarcrm_compromissos"],
        endpoint: endpoint,
        columns: [
            Column.at("id", .float, "Identificador no sistema"),
            Column.at("assunto", .text),
        ] + Column.user("autor") + Column.user("autorAtualizacao") + Column.clienteSummary + [
            Column.at("dataAtualizacao", .timestamp, "Última data de atualização"),
            Column.at("dataCriacao", .timestamp, "Data de criação desse contato"),
            Column.at("dataFim", .timestamp),
            Column.at("dataInicio", .timestamp),
            Column.at("descricao", .text, "Descrição do tarefa"),
            Column.at("diaInteiro", .boolean),
            Column.at("endereco", .text),
            Column.at("oportunidade.diasEstagnacaoNaEtapa", .float),
            Column.at("oportunidade.diasSemInteracao", .float),
            Column.at("oportunidade.funilVenda", .text),
            Column.at("oportunidade.quantidadeProdutos", .float),
            Column.at("oportunidade.temperatura", .text),
            Column.at("oportunidade.valorTotalDescontos", .float),
        ] + Column.user("responsavel") + [
            Column.at("status", .float, "Status da tarefa (0 = Aberta, 1 = Concluída, 2 = Cancelada, 3 = Em execução)"),
        ],
        relationships: [Relationship("cliente_id", references: "contatos")]
    )

    static let participantes = TableDefinition(
        name: "compromissos_participantes", title: "nectarcrm_compromissos_participantes",
        aliases: ["nectarcrm_compromissos_participantes"],
        endpoint: endpoint, origin: .arrayElements(parent: "compromissos", key: "participantes"),
        columns: [
            Column.parentID("compromisso_id", "Identificador no sistema"),
            Column.element(of: "participantes", "email", .text),
            Column.element(of: "participantes", "id", .float),
            Column.element(of: "participantes", "nome", .text),
            Column.element(of: "participantes", "participar", .boolean),
            Column.element(of: "participantes", "usuario.ativo", .boolean),
            Column.element(of: "participantes", "usuario.id", .float),
            Column.element(of: "participantes", "usuario.login", .text),
            Column.element(of: "participantes", "usuario.nome", .text),
        ],
        relationships: [Relationship("compromisso_id", references: "compromissos")]
    )
}
