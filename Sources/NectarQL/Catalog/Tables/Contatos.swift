/// `contatos/` (contacts, companies and people) and its four child tables.
enum ContatosTables {
    static let endpoint = Endpoint(
        path: "contatos/",
        filters: [
            PushableFilter("nome", .namePrefix(parameter: "nome", exactParameter: "exato")),
            PushableFilter("constante", .equals(parameter: "constante")),
            CommonFilters.created,
            CommonFilters.updated,
            PushableFilter("origemobject_id", .equals(parameter: "origemId")),
            PushableFilter("segmentoobject_id", .equals(parameter: "segmentoId")),
            PushableFilter("responsavel_id", .list(parameter: "responsaveisId")),
        ],
        lookups: [KeyLookup("id", "contatos/{}")]
    )

    static let contatos = TableDefinition(
        name: "contatos", title: "Contatos", aliases: ["nectarcrm_contatos"],
        endpoint: endpoint,
        columns: [
            Column.at("id", .float, "Identificador do contato no sistema"),
            Column.at("ativo", .boolean, "Se está ou não ativo no sistema"),
        ] + Column.user("autor") + Column.user("autorAtualizacao") + [
            Column.at("blocked", .boolean),
            Column.at("categoria", .text, "Categoria do contato (se não tiver)"),
            Column.at("categoriaObject.ativo", .boolean),
            Column.at("categoriaObject.id", .float),
            Column.at("categoriaObject.nome", .text),
            Column.at("cnpj", .text, "CNPJ do contato"),
            Column.at("compromissos", .float, "Quantidade de compromissos pendentes"),
            Column.at("constante", .float,
                      "Tipo do contato (0 = Clientes, 1 = Prospects, 2 = Suspects, 3 = Leads, 5 = Descartados)"),
        ] + relatedCompany("contatoPai") + [
            Column.at("dataAtualizacao", .timestamp, "Última data de atualização"),
            Column.at("dataCriacao", .timestamp, "Data de criação desse contato"),
            Column.at("diasSemInteracao", .float),
            Column.at("email", .text),
            Column.at("emailPrincipal", .text),
            Column.at("emails", .text, "E-mails do contato"),
            Column.at("empresa", .boolean, "Campo que diz se é ou não empresa (PJ ou PF)"),
        ] + relatedCompany("empresaAtual") + [
            Column.at("facebook", .text, "Facebook do contato"),
            Column.at("indicadoPor", .text, "Campo de indicação"),
            Column.at("integradoRD", .boolean),
            Column.at("isEmpresa", .boolean),
            Column.at("linkedin", .text, "Linkedin"),
            Column.at("nome", .text, "Nome do contato"),
            Column.at("observacao", .text, "Observação do contato"),
            Column.at("oportunidades", .float, "Quantidade de oportunidades pendentes"),
            Column.at("origem", .text, "Origem do contato (se não tiver, será criado)"),
            Column.at("origemObject.id", .float),
            Column.at("origemObject.nome", .text),
            Column.at("qtdeQualificacoes", .float),
            Column.at("razaoSocial", .text, "Razão social do contato"),
            Column.at("receitaAnual", .float, "Receita anual prevista do contato"),
        ] + Column.user("responsavel") + [
            Column.at("segmento", .text, "Origem do contato (se não tiver, será criado)"),
            Column.at("segmentoObject.id", .float),
            Column.at("segmentoObject.nome", .text),
            Column.at("site", .text, "Website do contato"),
            Column.at("skype", .text, "Skype do contato"),
            Column.at("tarefas", .float, "Quantidade de tarefas pendentes"),
            Column.at("telefones", .text, "Telefones do contato"),
            Column.at("tipoEntidade.id", .float),
            Column.at("tipoEntidade.nome", .text),
            Column.at("twitter", .text, "Twitter do contato"),
        ]
    )

    /// The nested parent/current company objects share one shape (the seed types their cnpj as float).
    private static func relatedCompany(_ key: String) -> [ColumnDefinition] {
        [
            Column.at("\(key).cnpj", .float),
            Column.at("\(key).diasSemInteracao", .float),
            Column.at("\(key).email", .text),
            Column.at("\(key).emailPrincipal", .text),
            Column.at("\(key).emails", .text),
            Column.at("\(key).empresa", .boolean),
            Column.at("\(key).id", .float),
            Column.at("\(key).isEmpresa", .boolean),
            Column.at("\(key).nome", .text),
            Column.at("\(key).razaoSocial", .text),
            Column.at("\(key).telefones", .text),
        ]
    }

    private static let contatoID = Column.parentID("contato_id", "Identificador do contato no sistema")
    private static let toContatos = [Relationship("contato_id", references: "contatos")]

    static let contatosContatos = TableDefinition(
        name: "contatos_contatos", title: "nectarcrm_contatos_contatos", aliases: ["nectarcrm_contatos_contatos"],
        endpoint: endpoint, origin: .arrayElements(parent: "contatos", key: "contatos"),
        columns: [
            contatoID,
            Column.element(of: "contatos", "cargo", .text),
            Column.element(of: "contatos", "diasSemInteracao", .float),
            Column.element(of: "contatos", "email", .text),
            Column.element(of: "contatos", "emailPrincipal", .text),
            Column.element(of: "contatos", "id", .float),
            Column.element(of: "contatos", "nome", .text),
        ],
        relationships: toContatos
    )

    static let enderecos = TableDefinition(
        name: "contatos_enderecos", title: "nectarcrm_contatos_enderecos", aliases: ["nectarcrm_contatos_enderecos"],
        endpoint: endpoint, origin: .arrayElements(parent: "contatos", key: "enderecos"),
        columns: [
            contatoID,
            Column.element(of: "enderecos", "cep", .text),
            Column.element(of: "enderecos", "complemento", .text),
            Column.element(of: "enderecos", "endereco", .text),
            Column.element(of: "enderecos", "id", .float),
            Column.element(of: "enderecos", "numero", .text),
            Column.element(of: "enderecos", "principal", .boolean),
            Column.element(of: "enderecos", "searchByCep", .boolean),
            Column.element(of: "enderecos", "tipo", .text),
        ],
        relationships: toContatos
    )

    static let contatosPai = companyLinks(name: "contatos_contatospai", array: "contatosPai")
    static let empresasAtuais = companyLinks(name: "contatos_empresasatuais", array: "empresasAtuais")

    /// `contatosPai[]` and `empresasAtuais[]` hold the same link shape (contact ↔ company).
    private static func companyLinks(name: String, array: String) -> TableDefinition {
        TableDefinition(
            name: name, title: "nectarcrm_" + name, aliases: ["nectarcrm_" + name],
            endpoint: endpoint, origin: .arrayElements(parent: "contatos", key: array),
            columns: [
                contatoID,
                Column.element(of: array, "contato.id", .float),
                Column.element(of: array, "dataAtualizacao", .timestamp),
                Column.element(of: array, "empresa.id", .float),
                Column.element(of: array, "empresaPrincipal", .boolean),
            ],
            relationships: toContatos
        )
    }
}
