/// `pipeline/` (sales and qualification funnels) and its stages.
enum PipelinesTables {
    static let endpoint = Endpoint(
        path: "pipeline/",
        filters: [PushableFilter("tipo", .equals(parameter: "type"))],
        lookups: [KeyLookup("id", "pipeline/{}")],
        typicalRecords: 10
    )

    static let pipelines = TableDefinition(
        name: "pipelines", title: "Pipelines (Funis de venda)", aliases: ["nectarcrm_pipelines"],
        endpoint: endpoint,
        columns: [
            Column.at("id", .float, "Identificador no sistema"),
            Column.at("ativo", .boolean, "Marca se esse funil está ativo para utilização"),
            Column.at("cascataCicloVida", .float),
            Column.at("iniciarQualquerEtapa", .boolean, "Determina se pode iniciar em qualquer etapa"),
            Column.at("modeloVenda", .float, "Modelo de venda do funil (0 = B2B, 1 = B2C)"),
            Column.at("moeda", .text, "Moeda configurada para a Pipeline"),
            Column.at("motivoDescarteObrigatorio", .boolean),
            Column.at("motivoGanhoPerdaObrigatorio", .boolean),
            Column.at("nome", .text, "Nome do funil"),
            Column.at("padrao", .boolean, "Determina se esse funil é o padrão do sistema"),
            Column.at("permitePularEtapa", .boolean, "Determina se pode pular etapas"),
            Column.at("permiteRetornoEtapa", .boolean, "Determina se pode retornar etapa"),
            Column.at("permiteTarefasAvulsas", .boolean,
                      "Parâmetro para indicar se o funil permite criação de tarefas fora do workflow"),
            Column.at("permitirRecorrenciaVariavel", .boolean, "Determina se pode alterar a recorrência do produto"),
            Column.at("propostaObrigatoria", .boolean,
                      "Determina se gerar proposta é obrigatória na etapa indicada com Gerar Proposta"),
            Column.at("showCustomCard", .boolean),
            Column.at("tipo", .float, "Tipo do funil (0 = vendas, 1 = qualificação)"),
            Column.at("tipoRecorrenciaValorFunil", .float),
            Column.at("ultimaAtualizacao", .timestamp),
        ]
    )

    static let sequencias = TableDefinition(
        name: "pipelines_sequencias", title: "nectarcrm_pipelines_sequencias", aliases: ["nectarcrm_pipelines_sequencias"],
        endpoint: endpoint, origin: .arrayElements(parent: "pipelines", key: "sequencias"),
        columns: [
            Column.parentID("pipeline_id", "Identificador no sistema"),
            Column.element(of: "sequencias", "gerarProposta", .boolean),
            Column.element(of: "sequencias", "id", .float),
            Column.element(of: "sequencias", "nome", .text),
            Column.element(of: "sequencias", "prazo", .float),
            Column.element(of: "sequencias", "produtoObrigatorio", .boolean),
            Column.element(of: "sequencias", "sequencia", .float),
        ],
        relationships: [Relationship("pipeline_id", references: "pipelines")]
    )
}
