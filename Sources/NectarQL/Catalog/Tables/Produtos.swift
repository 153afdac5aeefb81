/// `produto/` (the product catalogue) and each product's dependent products.
/// The endpoint documents paging only.
enum ProdutosTables {
    static let endpoint = Endpoint(
        path: "produto/",
        lookups: [KeyLookup("id", "produto/{}")]
    )

    static let produtos = TableDefinition(
        name: "produtos", title: "Produtos", aliases: ["nectarcrm_produtos"],
        endpoint: endpoint,
        columns: [
            Column.at("id", .float, "Identificador no sistema"),
            Column.at("acrescimoMaximo", .float),
            Column.at("acrescimoPercentual", .boolean),
            Column.at("ativo", .boolean, "Marca se o produto está ou não ativo"),
            Column.at("categoria.id", .float),
            Column.at("categoria.nome", .text),
            Column.at("codigo", .text, "Código do produto"),
            Column.at("comissao", .float, "Define o valor da comissão do produto (0 = não permite)"),
            Column.at("comissaoPorcentual", .boolean),
            Column.at("contador", .float, "Código automático do produto"),
            Column.at("descontoMaximo", .float, "Valor do desconto máximo permitido"),
            Column.at("descontoPorcentual", .boolean),
            Column.at("descricao", .text, "Descrição do produto"),
            Column.at("editarProdutosDependentes", .boolean,
                      "Define se é permitido ou não a remoção dos produtos dependentes nas oportunidades"),
            Column.at("fracionario", .boolean),
            Column.at("isExpiravel", .boolean),
            Column.at("moeda", .text, "Código monetário da moeda (BRL e USD)"),
            Column.at("nome", .text),
            Column.at("permiteAcrescimo", .boolean),
            Column.at("permiteDesconto", .boolean),
            Column.at("possuiEstoque", .boolean, "Define se o produto possui controle de estoque"),
            Column.at("quantidadeEstoque", .float, "Define a quantidade do estoque desse produto"),
            Column.at("recorrencia", .float, "Recorrência de valor do produto (0 = único, 1 = mensal, 2 = anual)"),
            Column.at("subCategoria.id", .float),
            Column.at("subCategoria.nome", .text),
            Column.at("valorBase", .float, "Valor base do produto"),
            Column.at("valorEditavel", .boolean, "Indica se o valor base do produto é ou não editável"),
        ]
    )

    static let dependentes = TableDefinition(
        name: "produtos_produtos", title: "nectarcrm_produtos_produtos", aliases: ["nectarcrm_produtos_produtos"],
        endpoint: endpoint, origin: .arrayElements(parent: "produtos", key: "produtos"),
        columns: [
            Column.parentID("produto_dependente_id", "Identificador no sistema do produto relacionado"),
            Column.element(of: "produtos", "id", .float),
            Column.element(of: "produtos", "contador", .float),
            Column.element(of: "produtos", "descricao", .text),
            Column.element(of: "produtos", "nome", .text),
        ],
        relationships: [Relationship("produto_dependente_id", references: "produtos")]
    )
}
