/// `tarefas/` (tasks). The endpoint documents paging only.
enum TarefasTables {
    static let endpoint = Endpoint(
        path: "tarefas/",
        lookups: [KeyLookup("id", "tarefas/{}")]
    )

    static let tarefas = TableDefinition(
        name: "tarefas", title: "Tarefas", aliases: ["nectarcrm_tarefas"],
        endpoint: endpoint,
        columns: [
            Column.at("id", .float, "Identificador no sistema"),
            Column.at("checklist.id", .float),
            Column.at("checklist.nome", .text),
            Column.at("cliente.id", .float),
            Column.at("cliente.isEmpresa", .boolean),
            Column.at("cliente.nome", .text),
            Column.at("dataAtualizacao", .timestamp, "Última data de atualização"),
            Column.at("dataCriacao", .timestamp, "Data de criação desse contato"),
            Column.at("dataLimite", .timestamp, "Data limite para realizar a tarefa"),
            Column.at("descricao", .text, "Descrição do tarefa"),
            Column.at("prioridade", .float, "Prioridade da tarefa (0 = Normal, 1 = Alta, 2 = Altíssima)"),
        ] + Column.user("responsavel") + [
            Column.at("status", .float, "Status da tarefa (0 = Aberta, 1 = Concluída, 2 = Cancelada, 3 = Em execução)"),
            Column.at("tarefaTipo.ativo", .boolean),
            Column.at("tarefaTipo.id", .float),
            Column.at("tarefaTipo.natureza", .float),
            Column.at("tarefaTipo.nome", .text),
            Column.at("tipo", .float,
                      "Tipo da tarefa (0 = comum, 1 = ligação, 2 = notificação, 3 = e-mail, 4 = compromisso)"),
            Column.at("titulo", .text, "Titulo da tarefa"),
        ],
        relationships: [Relationship("cliente_id", references: "contatos")]
    )
}
