struct ProductFacts {
    let id: Int
    let nome: String
    let codigo: String
    let contador: Int
    let descricao: String
    let valorBase: Double
    let recorrencia: Int
    let moeda: String
    /// The shape nested in `oportunidades.produtos[].produto` (category names as plain text there).
    let nested: MockJSON
}

extension DatasetBuilder {
    mutating func makeProducts(_ count: Int) -> [MockJSON] {
        let families = BrazilianVocabulary.productFamilies
        for (index, id) in ids(count, from: 2001).enumerated() {
            let family = families[index % families.count]
            let base = family.produtos[(index / families.count) % family.produtos.count]
            let edition = index / (families.count * 3)
            let nome = edition == 0 ? base : "\(base) v\(edition + 1)"
            let subcategoria = rng.pick(family.subcategorias)
            let moeda = rng.chance(0.1) ? "USD" : "BRL"
            // Support is billed monthly or yearly, software once or monthly, the rest once.
            let recorrencia: Int
            switch family.categoria {
            case "Suporte": recorrencia = rng.int(1...2)
            case "Software": recorrencia = rng.int(0...1)
            default: recorrencia = 0
            }
            let valorBase = rng.money(90...25_000)
            let codigo = "PRD-" + MockTimestamp.pad(index + 1, 4)
            let descricao = "\(nome) — \(family.categoria.lowercased()) para empresas de todos os portes"
            let flags = (0..<10).map { _ in rng.chance(0.5) }
            let nested: MockJSON = [
                "id": .int(id), "nome": .string(nome), "codigo": .string(codigo), "contador": .int(index + 1),
                "descricao": .string(descricao), "ativo": .bool(index % 9 != 8), "categoria": .string(family.categoria),
                "subCategoria": .string(subcategoria), "moeda": .string(moeda), "recorrencia": .int(recorrencia),
                "valorBase": .number(valorBase), "valorEditavel": .bool(flags[0]), "fracionario": .bool(flags[1]),
                "possuiEstoque": .bool(family.categoria == "Hardware"),
                "quantidadeEstoque": family.categoria == "Hardware" ? .int(rng.int(0...500)) : .null,
                "permiteDesconto": .bool(flags[2]), "descontoMaximo": .number(Double(rng.int(0...30))),
                "descontoPorcentual": .bool(flags[3]), "permiteAcrescimo": .bool(flags[4]),
                "acrescimoMaximo": .number(Double(rng.int(0...15))), "acrescimoPercentual": .bool(flags[5]),
                "comissao": .number(Double(rng.int(0...12))), "comissaoPorcentual": .bool(flags[6]),
            ]
            products.append(ProductFacts(
                id: id, nome: nome, codigo: codigo, contador: index + 1, descricao: descricao, valorBase: valorBase,
                recorrencia: recorrencia, moeda: moeda, nested: nested))
        }
        return products.enumerated().map { index, product in productRecord(product, index: index) }
    }

    private mutating func productRecord(_ product: ProductFacts, index: Int) -> MockJSON {
        let family = BrazilianVocabulary.productFamilies[index % BrazilianVocabulary.productFamilies.count]
        let categoriaID = 81 + index % BrazilianVocabulary.productFamilies.count
        let subcategoriaName = product.nested["subCategoria"]?.stringValue ?? ""
        let subcategoriaID = 91 + (family.subcategorias.firstIndex(of: subcategoriaName) ?? 0) + 2 * (categoriaID - 81)
        var record = product.nested
        record = record.setting("categoria", to: ["id": .int(categoriaID), "nome": .string(family.categoria)])
        record = record.setting("subCategoria", to: ["id": .int(subcategoriaID), "nome": .string(subcategoriaName)])
        record = record.setting("descricao", to: text(product.descricao))
        record = record.setting("valorBase", to: amount(product.valorBase))
        record = record.setting("editarProdutosDependentes", to: .bool(rng.chance(0.5)))
        record = record.setting("isExpiravel", to: .bool(rng.chance(0.2)))
        record = record.setting("produtos", to: .array(dependents(of: product)))
        return record
    }

    /// `produto.produtos[]`: other real products sold together with this one.
    private mutating func dependents(of product: ProductFacts) -> [MockJSON] {
        let others = products.filter { $0.id != product.id }
        guard !others.isEmpty, rng.chance(0.4) else { return [] }
        return (0..<rng.int(1...2)).map { _ in
            let dependent = rng.pick(others)
            return [
                "id": .int(dependent.id), "nome": .string(dependent.nome), "descricao": .string(dependent.descricao),
                "contador": .int(dependent.contador),
            ]
        }
    }
}
