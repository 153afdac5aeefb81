/// `qualificacoes/` (lead qualifications).
enum QualificacoesTables {
    /// Documented filters without a seed column are left out: `secao`, and `nome` (the seed's
    /// qualificacoes has no `nome` column, and pushing it onto `codigo` could drop rows if the
    /// API matched the name only).
    static let endpoint = Endpoint(
        path: "qualificacoes/",
        filters: [
            PushableFilter("status", .equals(parameter: "status")),
            CommonFilters.created,
            CommonFilters.updated,
            CommonFilters.limit,
            PushableFilter("cliente_id", .equals(parameter: "clienteId")),
            PushableFilter("responsavel_id", .list(parameter: "usuariosId")),
        ],
        lookups: [KeyLookup("id", "qualificacoes/{}")]
    )

    static let qualificacoes = TableDefinition(
        name: "qualificacoes", title: "Qualificações", aliases: ["nectarcrm_qualificacoes"],
        endpoint: endpoint,
        columns: [
            Column.at("id", .float, "Identificador no sistema"),
        ] + Column.user("autor") + Column.user("autorAtualizacao") + Column.user("autorConclusao") + [
            Column.at("cliente.ativo", .boolean),
            Column.at("cliente.email", .text),
            Column.at("cliente.emailPrincipal", .text),
            Column.at("cliente.empresa", .boolean),
            Column.at("cliente.id", .float),
            Column.at("cliente.isEmpresa", .boolean),
            Column.at("cliente.nome", .text),
            Column.at("codigo", .text, "Código da qualificação"),
            Column.at("compromissos", .float, "Quantidade de compromissos pendentes"),
            Column.at("dataAtualizacao", .timestamp, "Última data de atualização"),
            Column.at("dataCriacao", .timestamp, "Data de criação dessa qualificação"),
            Column.at("dataLimite", .timestamp, "Data limite de fechamento da qualificação"),
            Column.at("etapa", .float, "Etapa atual do fluxo de venda"),
        ] + Column.etapaAtual + Column.funilVenda + [
            Column.at("handRaised", .boolean),
            Column.at("pipeline", .text, "Funil de venda / Pipeline"),
        ] + Column.user("responsavel") + [
            Column.at("status", .float,
                      "Status da qualificação (1 = Em andamento, 2 = Agendada, 3 = Qualificada, 4 = Descartada, "
                      + "5 = Vendida, 6 = Não vendida)"),
            Column.at("tarefas", .float, "Quantidade de tarefas pendentes"),
            Column.at("tarefasAbertas", .float),
        ],
        relationships: [
            Relationship("cliente_id", references: "contatos"),
            Relationship("funilvenda_id", references: "pipelines"),
        ]
    )
}
