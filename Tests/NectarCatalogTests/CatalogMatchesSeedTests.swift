import Testing
@testable import NectarCatalog

@Suite struct CatalogMatchesSeedTests {
    let catalog = Catalog.nectarCRM

    @Test func theSeedHasSixteenTablesAndTheCatalogExactlyThose() throws {
        let seed = try SeedSchema.load()
        #expect(seed.sections.count == 16)
        #expect(Set(seed.sections.map(\.title)) == Set(catalog.tables.map(\.title)))
        #expect(catalog.tableNames == [
            "compromissos", "compromissos_participantes", "contatos", "contatos_contatos", "contatos_enderecos",
            "contatos_contatospai", "contatos_empresasatuais", "oportunidades", "oportunidades_produtos",
            "oportunidades_propostas", "pipelines", "pipelines_sequencias", "produtos", "produtos_produtos",
            "qualificacoes", "tarefas",
        ])
    }

    @Test func everyTableHasTheSeedsColumnsTypesOrderAndDescriptions() throws {
        let seed = try SeedSchema.load()
        for section in seed.sections {
            let table = try #require(catalog.tables.first { $0.title == section.title }, "no table titled \(section.title)")
            #expect(section.columns.count > 3, "seed section \(section.title) parsed too few columns")
            let found = differences(seed: section, table: table, catalog: catalog)
            #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
        }
    }

    @Test func theSeedsMarkedRelationshipsAreAllDeclared() throws {
        let seed = try SeedSchema.load()
        let marked = seed.sections.flatMap { section in section.columns.filter { $0.references != nil }.map { (section.title, $0.name) } }
        #expect(marked.count == 8)
        for (title, column) in marked {
            let table = try #require(catalog.tables.first { $0.title == title })
            #expect(table.relationships.contains { $0.column == column }, "\(table.name).\(column)")
        }
    }

    enum Drift: CaseIterable, Sendable { case missing, extra, renamed, retyped, reordered }

    static func apply(_ drift: Drift, to columns: [ColumnDefinition]) -> [ColumnDefinition] {
        switch drift {
        case .missing: Array(columns.dropLast())
        case .extra: columns + [ColumnDefinition("sobra", .text, .field(["sobra"]))]
        case .renamed: [ColumnDefinition("renomeado", columns[0].type, columns[0].source, summary: columns[0].summary)] + columns.dropFirst()
        case .retyped: [ColumnDefinition(columns[0].name, .text, columns[0].source, summary: columns[0].summary)] + columns.dropFirst()
        case .reordered: [columns[1], columns[0]] + columns.dropFirst(2)
        }
    }

    @Test(arguments: Drift.allCases)
    func theComparisonCatchesEveryKindOfDrift(drift: Drift) throws {
        let seed = try SeedSchema.load()
        let original = try #require(catalog.table(named: "tarefas"))
        let section = try #require(seed.sections.first { $0.title == original.title })
        let mutated = TableDefinition(
            name: original.name, title: original.title, endpoint: original.endpoint,
            columns: Self.apply(drift, to: original.columns), relationships: original.relationships)
        #expect(!differences(seed: section, table: mutated, catalog: catalog).isEmpty, "\(drift) went unnoticed")
    }

    @Test func aDroppedRelationshipIsCaught() throws {
        let seed = try SeedSchema.load()
        let original = try #require(catalog.table(named: "oportunidades"))
        let section = try #require(seed.sections.first { $0.title == original.title })
        let mutated = TableDefinition(
            name: original.name, title: original.title, endpoint: original.endpoint,
            columns: original.columns, relationships: Array(original.relationships.dropFirst()))
        #expect(!differences(seed: section, table: mutated, catalog: catalog).isEmpty)
    }

    @Test func everyNameAndAliasResolvesIgnoringCase() throws {
        for table in catalog.tables {
            #expect(catalog.table(named: table.name)?.name == table.name)
            #expect(catalog.table(named: table.name.uppercased())?.name == table.name)
            #expect(catalog.table(named: "nectarcrm_" + table.name)?.name == table.name)
            for alias in table.aliases { #expect(catalog.table(named: alias)?.name == table.name) }
        }
        #expect(catalog.table(named: "NECTARCRM_CONTATOS_ENDERECOS")?.name == "contatos_enderecos")
        #expect(catalog.table(named: "contato") == nil)
    }

    @Test func filtersLookupsAndRelationshipsNameRealColumnsAndTables() {
        for table in catalog.tables {
            for filter in table.endpoint.filters where !table.isChild {
                #expect(table.column(filter.column) != nil, "\(table.name): filter on unknown \(filter.column)")
            }
            for lookup in table.endpoint.lookups where !table.isChild {
                #expect(table.column(lookup.column) != nil, "\(table.name): lookup on unknown \(lookup.column)")
            }
            for relationship in table.relationships {
                #expect(table.column(relationship.column) != nil)
                let target = catalog.table(named: relationship.referencedTable)
                #expect(target?.column(relationship.referencedColumn) != nil, "\(table.name).\(relationship.column)")
            }
            if case .arrayElements(let parent, _) = table.origin {
                #expect(catalog.table(named: parent)?.endpoint == table.endpoint, "\(table.name) must use its parent's endpoint")
                #expect(table.relationships.contains { $0.referencedTable == parent }, "\(table.name) must reference \(parent)")
            }
        }
    }

    @Test func endpointsAndTheirPushableFiltersFollowTheAPIContract() throws {
        let oportunidades = try #require(catalog.table(named: "oportunidades")).endpoint
        #expect(oportunidades.path == "oportunidades/")
        #expect(oportunidades.requiredScope == .init(column: "status", parameter: "status", values: [1, 2, 3, 4, 5]))
        #expect(oportunidades.filters(on: "responsavel_id") == [PushableFilter("responsavel_id", .list(parameter: "usuariosId"))])
        #expect(oportunidades.lookup(on: "cliente_id")?.path(for: "7") == "oportunidades/contatoId/7")
        #expect(oportunidades.filters(on: "datalimite").first?.kind == .dateRange(from: "dataInicioLimite", to: "dataFimLimite"))

        let contatos = try #require(catalog.table(named: "contatos")).endpoint
        #expect(contatos.filters(on: "nome").first?.kind == .namePrefix(parameter: "nome", exactParameter: "exato"))
        #expect(contatos.filters(on: "responsavel_id").first?.kind == .list(parameter: "responsaveisId"))
        #expect(contatos.lookup(on: "id")?.path(for: "42") == "contatos/42")

        let propostas = try #require(catalog.table(named: "oportunidades_propostas")).endpoint
        #expect(propostas.path == "proposta/")
        #expect(propostas.lookup(on: "oportunidade_id") == KeyLookup("oportunidade_id", "proposta/opportunity/{}", returnsList: true))
        // oportunidades/contatoId/ lists deals, and may be scoped to open ones as the listing is.
        #expect(propostas.completeLookups.map(\.column) == ["id", "oportunidade_id"])
        #expect(oportunidades.completeLookups.map(\.column) == ["id"])

        #expect(catalog.table(named: "pipelines")?.endpoint.filters == [PushableFilter("tipo", .equals(parameter: "type"))])
        for name in ["compromissos", "tarefas", "produtos"] {
            #expect(catalog.table(named: name)?.endpoint.filters.isEmpty == true)
        }
        let paths = Set(catalog.tables.map(\.endpoint.path))
        #expect(paths == ["contatos/", "oportunidades/", "qualificacoes/", "compromissos/", "tarefas/", "pipeline/", "produto/", "proposta/"])
    }

    /// A record column's seed name is its JSON path lower-cased and joined with `_`; a child
    /// element's carries the array's name in front (except the two differently-named tables).
    @Test func jsonPathsSpellTheSeedNames() {
        for table in catalog.tables {
            for column in table.columns {
                switch column.source {
                case .parent(let path):
                    #expect(table.isChild && path == ["id"], "\(table.name).\(column.name)")
                case .field(let path):
                    let joined = path.joined(separator: "_").lowercased()
                    var expected = [joined]
                    if case .arrayElements(_, let key) = table.origin { expected.append(key.lowercased() + "_" + joined) }
                    #expect(expected.contains(column.name), "\(table.name).\(column.name) reads \(path)")
                    #expect(path.allSatisfy { $0.first?.isLowercase == true && !$0.contains("_") })
                }
            }
        }
    }
}

@Suite struct ProjectionKeysTests {
    @Test func recordTablesAskForTheTopLevelKeysTheirColumnsRead() throws {
        let oportunidades = try #require(Catalog.nectarCRM.table(named: "oportunidades"))
        #expect(oportunidades.topLevelKeys(for: ["nome", "cliente_id", "cliente_nome", "valortotal"]) == ["id", "cliente", "nome", "valorTotal"])
        #expect(oportunidades.topLevelKeys().contains("funilVenda"))
        #expect(!oportunidades.topLevelKeys().contains("produtos"))
    }

    @Test func childTablesAskForTheirArrayAndTheRecordId() throws {
        let enderecos = try #require(Catalog.nectarCRM.table(named: "contatos_enderecos"))
        #expect(enderecos.topLevelKeys() == ["id", "enderecos"])
        #expect(enderecos.topLevelKeys(for: ["enderecos_cep"]) == ["id", "enderecos"])
    }
}
