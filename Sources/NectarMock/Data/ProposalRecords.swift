extension DatasetBuilder {
    /// `proposta`: versions of proposals, each nested under a real opportunity.
    mutating func makeProposals(_ count: Int) -> [MockJSON] {
        var versions: [Int: Int] = [:]
        return ids(count, from: 60_001).enumerated().map { index, id in
            let opportunity = rng.pick(opportunities)
            let versao = (versions[opportunity.id] ?? 0) + 1
            versions[opportunity.id] = versao
            let status = rng.int(0...4)
            let modelo = rng.pick(reference.modelosProposta)
            let created = instant()
            let numero = index + 1
            let codigo = "\(numero)-\(versao)"
            return [
                "id": .int(id), "numero": .int(numero), "versao": .int(versao), "codigo": .string(codigo),
                "codigoFormatado": .string("PROP-\(MockTimestamp.pad(numero, 5))/v\(versao)"),
                "status": .int(status), "statusLabel": .string(BrazilianVocabulary.proposalStatusLabels[status]),
                "dataCriacao": timestamp(created), "dataProposta": timestamp(instant(after: created)),
                "modeloProposta": modelo.json, "autor": user(),
                "oportunidade": ["id": .int(opportunity.id), "codigo": .string(opportunity.codigo), "nome": .string(opportunity.nome)],
                "publicUrl": .string("https://app.nectarcrm.com.br/proposta/publica/\(String(UInt64(truncatingIfNeeded: id) &* 2_654_435_761, radix: 36))"),
            ]
        }
    }
}
