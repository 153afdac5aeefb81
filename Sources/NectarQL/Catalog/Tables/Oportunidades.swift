/// `oportunidades/` (deals), its products, and the proposals of `proposta/`.
enum OportunidadesTables {
    /// Documented filters without a seed column are left out: `sequenciaAtual`, `secao`
    /// and the conclusion dates (`dataInicioConclusao`/`dataFimConclusao`).
    static let endpoint = Endpoint(
        path: "oportunidades/",
        filters: [
            PushableFilter("status", .equals(parameter: "status")),
            CommonFilters.created,
            CommonFilters.updated,
            CommonFilters.limit,
            PushableFilter("nome", .namePrefix(parameter: "nome", exactParameter: nil)),
            PushableFilter("cliente_id", .equals(parameter: "clienteId")),
            PushableFilter("funilvenda_id", .equals(parameter: "pipelineId")),
            PushableFilter("responsavel_id", .list(parameter: "usuariosId")),
        ],
        lookups: [
            KeyLookup("id", "oportunidades/{}"),
            KeyLookup("cliente_id", "oportunidades/contatoId/{}", returnsList: true),
        ],
        // Without `status` the API answers only status 1 (in progress).
        requiredScope: .init(column: "status", parameter: "status", values: [1, 2, 3, 4, 5])
    )

    static let oportunidades = TableDefinition(
        name: "oportunidades", title: "Oportunidades", aliases: ["nectarcrm_oportunidades"],
        endpoint: endpoint,
        columns: [
            Column.at("id", .float, "Identificador no sistema"),
            Column.at("atividadesAtrasadas", .float),
        ] + Column.user("autor") + Column.user("autorAtualizacao") + Column.clienteSummary + [
            Column.at("codigo", .text, "Código da oportunidade"),
            Column.at("compromissos", .float, "Quantidade de compromissos pendentes"),
            Column.at("dataAtualizacao", .timestamp, "Última data de atualização"),
            Column.at("dataCriacao", .timestamp, "Data de criação dessa oportunidade"),
            Column.at("dataLimite", .timestamp, "Data limite de fechamento da oportunidade"),
            Column.at("diasEstagnacaoNaEtapa", .float),
            Column.at("diasSemInteracao", .float),
            Column.at("etapa", .float, "Etapa atual do fluxo de venda"),
        ] + Column.etapaAtual + [
            Column.at("etapaNome", .text),
        ] + Column.funilVenda + [
            Column.at("nome", .text, "Nome do contato"),
            Column.at("observacao", .text, "Observação da oportunidade"),
            Column.at("pipeline", .text, "Funil de venda / Pipeline em string"),
            Column.at("probabilidade", .float, "Probabilidade de fechamento (10, 25, 50, 75, 90 ou 100)"),
            Column.at("quantidadeProdutos", .float),
        ] + Column.user("responsavel") + [
            Column.at("stageEntryDate", .timestamp),
            Column.at("status", .float,
                      "Status da oportunidade (1 = Em andamento, 2 = Ganha, 3 = Perdida, 4 = Cancelada, 5 = Prorrogada)"),
            Column.at("tarefas", .float, "Quantidade de tarefas pendentes"),
            Column.at("temperatura", .text,
                      "Temperatura da oportunidade medida pela probabilidade de fechamento da oportunidade "
                      + "(Frio: < 25 / Morno: >= 25 e < 50 / Quente: >=50 e < 75 / Muito Quente: >= 75)"),
            Column.at("valorAvulso", .float, "Valor da venda avulsa"),
            Column.at("valorMensal", .float, "Valor da venda recorrente (mensal)"),
            Column.at("valorTotal", .float, "Valor total da venda (todos produtos e descontos)"),
            Column.at("valorTotalDescontos", .float, "Valor total dos descontos"),
            Column.at("vendaBase", .boolean),
        ],
        relationships: [
            Relationship("cliente_id", references: "contatos"),
            Relationship("funilvenda_id", references: "pipelines"),
        ]
    )

    /// One row per element of an opportunity's `produtos[]`: the item's leaves unprefixed,
    /// its nested `produto` object as `produto_*`.
    static let produtos = TableDefinition(
        name: "oportunidades_produtos", title: "Oportunidades: produtos", aliases: ["nectarcrm_oportunidades_produtos"],
        endpoint: endpoint, origin: .arrayElements(parent: "oportunidades", key: "produtos"),
        columns: [
            Column.parentID("id_oportunidade", "Oportunidade que este produto está relacionado"),
            Column.at("id", .float, "ID da associação produto X oportunidade"),
            Column.at("produto.id", .float, "ID do produto"),
            Column.at("acrescimo", .float),
            Column.at("acrescimoPercentual", .boolean),
            Column.at("codigo", .text, "Código do produto"),
            Column.at("desconto", .float),
            Column.at("descricao", .text, "Descrição do produto"),
            Column.at("grupoNome", .text),
            Column.at("isDescontoPorcentual", .boolean, "Define se o valor do desconto máximo é porcentual ou real"),
            Column.at("moeda", .text, "Código monetário da moeda (BRL e USD)"),
            Column.at("nome", .text),
            Column.at("produto.acrescimoMaximo", .float),
            Column.at("produto.acrescimoPercentual", .boolean),
            Column.at("produto.ativo", .boolean),
            Column.at("produto.categoria", .text),
            Column.at("produto.codigo", .text),
            Column.at("produto.comissao", .float),
            Column.at("produto.comissaoPorcentual", .boolean),
            Column.at("produto.contador", .float),
            Column.at("produto.descontoMaximo", .float),
            Column.at("produto.descontoPorcentual", .boolean),
            Column.at("produto.descricao", .text),
            Column.at("produto.fracionario", .boolean),
            Column.at("produto.moeda", .text),
            Column.at("produto.nome", .text),
            Column.at("produto.permiteAcrescimo", .boolean),
            Column.at("produto.permiteDesconto", .boolean),
            Column.at("produto.possuiEstoque", .boolean),
            Column.at("produto.quantidadeEstoque", .float),
            Column.at("produto.recorrencia", .float),
            Column.at("produto.subCategoria", .text),
            Column.at("produto.valorBase", .float),
            Column.at("produto.valorEditavel", .boolean),
            Column.at("quantidade", .float),
            Column.at("quantidadeRecorrencia", .float),
            Column.at("recorrencia", .float, "Recorrência de valor do produto (0 = único, 1 = mensal, 2 = anual)"),
            Column.at("refId", .float),
            Column.at("subGrupoNome", .text),
            Column.at("valorTotal", .float),
            Column.at("valorUnitario", .float),
        ],
        relationships: [
            Relationship("id_oportunidade", references: "oportunidades"),
            Relationship("produto_id", references: "produtos"),
        ]
    )

    static let propostaEndpoint = Endpoint(
        path: "proposta/",
        filters: [PushableFilter("status", .equals(parameter: "status"))],
        lookups: [
            KeyLookup("id", "proposta/{}"),
            KeyLookup("oportunidade_id", "proposta/opportunity/{}", returnsList: true),
        ]
    )

    /// The records of `proposta/`; the opportunity comes from each proposal's nested `oportunidade`.
    static let propostas = TableDefinition(
        name: "oportunidades_propostas", title: "Oportunidades: propostas", aliases: ["nectarcrm_oportunidades_propostas"],
        endpoint: propostaEndpoint,
        columns: [
            Column.at("oportunidade.id", .float),
            Column.at("id", .float, "Identificador no sistema"),
        ] + Column.user("autor") + [
            Column.at("codigo", .text, "Código da proposta gerada"),
            Column.at("codigoFormatado", .text, "Código da proposta formatado"),
            Column.at("dataCriacao", .timestamp, "Data de criação da proposta"),
            Column.at("dataProposta", .timestamp, "Data de geração da proposta"),
            Column.at("modeloProposta.id", .float),
            Column.at("modeloProposta.nome", .text),
            Column.at("numero", .float, "Número identificador da proposta"),
            Column.at("oportunidade.codigo", .text),
            Column.at("oportunidade.nome", .text),
            Column.at("publicUrl", .text, "Url pública para download da proposta"),
            Column.at("status", .float,
                      "Código do status da proposta (0 = Rascunho, 1 = Em aprovação, 2 = Aprovada, 3 = Reprovada, 4 = Obsoleta)"),
            Column.at("statusLabel", .text, "Label do status da proposta"),
            Column.at("versao", .float, "Versão da proposta na oportunidade"),
        ],
        relationships: [Relationship("oportunidade_id", references: "oportunidades")]
    )
}
