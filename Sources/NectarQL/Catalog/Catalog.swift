/// The seed's 16 tables, as data. Binding, planning and flattening read this; nothing
/// elsewhere switches on a table's name.
package struct Catalog: Sendable {
    package let tables: [TableDefinition]
    private let index: [String: Int]

    package init(tables: [TableDefinition]) {
        self.tables = tables
        var index: [String: Int] = [:]
        for (position, table) in tables.enumerated() {
            for name in [table.name] + table.aliases {
                index[name.lowercased()] = index[name.lowercased()] ?? position
            }
        }
        self.index = index
    }

    /// The NectarCRM tables exactly as the seed (`nectarcrm-kondado-schema.txt`) lists them.
    package static let nectarCRM = Catalog(tables: [
        CompromissosTables.compromissos,
        CompromissosTables.participantes,
        ContatosTables.contatos,
        ContatosTables.contatosContatos,
        ContatosTables.enderecos,
        ContatosTables.contatosPai,
        ContatosTables.empresasAtuais,
        OportunidadesTables.oportunidades,
        OportunidadesTables.produtos,
        OportunidadesTables.propostas,
        PipelinesTables.pipelines,
        PipelinesTables.sequencias,
        ProdutosTables.produtos,
        ProdutosTables.dependentes,
        QualificacoesTables.qualificacoes,
        TarefasTables.tarefas,
    ])

    /// A table by its name or one of its aliases (`nectarcrm_contatos_enderecos`), ignoring case.
    package func table(named name: String) -> TableDefinition? {
        index[name.lowercased()].map { tables[$0] }
    }

    package var tableNames: [String] { tables.map(\.name) }
}
