struct ContactFacts {
    let id: Int
    let nome: String
    let isEmpresa: Bool
    let razaoSocial: String?
    let cnpj: String?
    let cpf: String?
    let emails: [String]
    let telefones: [String]
    let diasSemInteracao: Int
    let ativo: Bool
    let city: (city: String, state: String, cep: String, ddd: String)

    var email: MockJSON { .optional(emails.first) }

    /// `cliente` as nested in opportunities and meetings.
    var cliente: MockJSON {
        [
            "id": .int(id), "nome": .string(nome), "razaoSocial": .optional(razaoSocial), "cnpj": .optional(cnpj),
            "email": email, "emailPrincipal": email, "empresa": .bool(isEmpresa), "isEmpresa": .bool(isEmpresa),
            "telefone": .optional(telefones.first), "telefonePrincipal": .optional(telefones.first),
            "diasSemInteracao": .int(diasSemInteracao),
        ]
    }

    /// `contatoPai` / `empresaAtual`: a summary whose CNPJ is digits only (the seed types it `float`).
    var summary: MockJSON {
        [
            "id": .int(id), "nome": .string(nome), "razaoSocial": .optional(razaoSocial),
            "cnpj": .optional(cnpj.map(BrazilianDocuments.digits)), "email": email, "emailPrincipal": email,
            "emails": .array(emails.map(MockJSON.string)), "telefones": .array(telefones.map(MockJSON.string)),
            "empresa": .bool(isEmpresa), "isEmpresa": .bool(isEmpresa), "diasSemInteracao": .int(diasSemInteracao),
        ]
    }
}

extension DatasetBuilder {
    mutating func makeContacts(_ count: Int) -> [MockJSON] {
        contacts = ids(count, from: 10_001).map { contactFacts(id: $0) }
        let companies = contacts.filter(\.isEmpresa)
        // Each person works for a company; a few companies belong to a holding.
        var employer: [Int: ContactFacts] = [:]
        var parent: [Int: ContactFacts] = [:]
        for contact in contacts where !companies.isEmpty {
            if !contact.isEmpresa, rng.chance(0.75) { employer[contact.id] = rng.pick(companies) }
            if contact.isEmpresa, rng.chance(0.1) {
                let holding = rng.pick(companies)
                if holding.id != contact.id { parent[contact.id] = holding }
            }
        }
        let people = Dictionary(grouping: contacts.filter { employer[$0.id] != nil }) { employer[$0.id]!.id }
        return contacts.map { contact in
            contactRecord(contact, employer: employer[contact.id], parent: parent[contact.id] ?? employer[contact.id])
                .setting("contatos", to: .array((people[contact.id] ?? []).map { personLink($0) }))
        }
    }

    private mutating func contactFacts(id: Int) -> ContactFacts {
        let isEmpresa = rng.chance(0.6)
        let city = rng.pick(BrazilianVocabulary.cities)
        let nome = isEmpresa ? companyName() : personName()
        let handle = ReferenceData.asciiFolded(nome).lowercased().split(separator: " ").joined(separator: ".")
        let domain = isEmpresa ? handle.split(separator: ".").joined() + ".com.br" : rng.pick(BrazilianVocabulary.emailDomains)
        var emails = [isEmpresa ? "contato@\(domain)" : "\(handle)\(id % 100)@\(domain)"]
        if rng.chance(0.3) { emails.append((isEmpresa ? "financeiro@" : "\(handle).trabalho@") + domain) }
        if rng.chance(0.05) { emails = [] }
        var telefones = [BrazilianDocuments.phone(ddd: city.ddd, mobile: !isEmpresa, &rng)]
        if rng.chance(0.4) { telefones.append(BrazilianDocuments.phone(ddd: city.ddd, mobile: true, &rng)) }
        let suffix = rng.pick(BrazilianVocabulary.companySuffixes)
        return ContactFacts(
            id: id, nome: nome, isEmpresa: isEmpresa, razaoSocial: isEmpresa ? nome + suffix : nil,
            cnpj: isEmpresa ? BrazilianDocuments.cnpj(&rng) : nil, cpf: isEmpresa ? nil : BrazilianDocuments.cpf(&rng),
            emails: emails, telefones: telefones, diasSemInteracao: rng.int(0...400), ativo: rng.chance(0.92), city: city)
    }

    private mutating func contactRecord(_ contact: ContactFacts, employer: ContactFacts?, parent: ContactFacts?) -> MockJSON {
        let created = instant()
        let updated = instant(after: created)
        let categoria = rng.pick(reference.categorias)
        let origem = rng.pick(reference.origens)
        let segmento = rng.pick(reference.segmentos)
        let tipoEntidade = rng.pick(reference.tiposEntidade)
        let handle = ReferenceData.asciiFolded(contact.nome).lowercased().split(separator: " ").joined(separator: "")
        let receita = contact.isEmpresa ? rng.money(120_000...80_000_000) : rng.money(30_000...600_000)
        return [
            "id": .int(contact.id), "nome": text(contact.nome), "razaoSocial": .optional(contact.razaoSocial.map { HostileText.roughen($0, &rng) }),
            "cnpj": .optional(contact.cnpj), "cpf": .optional(contact.cpf),
            "empresa": .bool(contact.isEmpresa), "isEmpresa": .bool(contact.isEmpresa), "ativo": .bool(contact.ativo),
            "blocked": .bool(rng.chance(0.03)), "constante": .int(rng.pick([0, 0, 1, 1, 2, 3, 3, 5])),
            "categoria": .string(categoria.nome), "categoriaObject": ["id": .int(categoria.id), "nome": .string(categoria.nome), "ativo": true],
            "origem": .string(origem.nome), "origemObject": origem.json,
            "segmento": .string(segmento.nome), "segmentoObject": segmento.json,
            "tipoEntidade": tipoEntidade.json, "responsavel": user(), "autor": user(), "autorAtualizacao": user(),
            "dataCriacao": timestamp(created), "dataAtualizacao": timestamp(updated),
            "diasSemInteracao": .int(contact.diasSemInteracao), "email": contact.email, "emailPrincipal": contact.email,
            "emails": .array(contact.emails.map(MockJSON.string)), "telefones": .array(contact.telefones.map(MockJSON.string)),
            "site": contact.isEmpresa ? .string("https://www.\(handle).com.br") : .null,
            "facebook": .string("https://facebook.com/\(handle)"), "linkedin": .string("https://linkedin.com/in/\(handle)"),
            "twitter": rng.chance(0.4) ? .string("@\(handle.prefix(15))") : .null, "skype": rng.chance(0.3) ? .string("live:\(handle)") : .null,
            "indicadoPor": rng.chance(0.2) ? .string(personName()) : .null, "integradoRD": .bool(rng.chance(0.25)),
            "observacao": rng.chance(0.5) ? text(rng.pick(BrazilianVocabulary.remarks)) : .null,
            "receitaAnual": amount(receita), "oportunidades": .int(rng.int(0...6)), "compromissos": .int(rng.int(0...4)),
            "tarefas": .int(rng.int(0...8)), "qtdeQualificacoes": .int(rng.int(0...3)),
            "contatoPai": parent?.summary ?? .null, "empresaAtual": employer?.summary ?? .null,
            "enderecos": .array(addresses(of: contact)),
            "contatosPai": .array(parent.map { [membership(person: contact, company: $0)] } ?? []),
            "empresasAtuais": .array(employer.map { [membership(person: contact, company: $0)] } ?? []),
            "camposPersonalizados": ["Número de funcionários": .int(rng.int(1...5000)), "Cliente desde": .string(String(rng.int(2005...2025)))],
        ]
    }

    private mutating func addresses(of contact: ContactFacts) -> [MockJSON] {
        (0..<rng.pick([0, 1, 1, 1, 2])).map { position in
            let complement = rng.pick(BrazilianVocabulary.complements)
            return [
                "id": .int(contact.id * 10 + position), "tipo": .string(position == 0 ? "Comercial" : "Entrega"),
                "endereco": text("\(rng.pick(BrazilianVocabulary.streets)), \(contact.city.city) - \(contact.city.state)"),
                "numero": .string(String(rng.int(1...4000))), "complemento": complement.isEmpty ? .null : .string(complement),
                "cep": .string("\(contact.city.cep)-\(MockTimestamp.pad(rng.int(0...999), 3))"),
                "principal": .bool(position == 0), "searchByCep": .bool(rng.chance(0.5)),
            ]
        }
    }

    private mutating func membership(person: ContactFacts, company: ContactFacts) -> MockJSON {
        [
            "contato": ["id": .int(person.id)], "empresa": ["id": .int(company.id)], "empresaPrincipal": .bool(rng.chance(0.8)),
            "dataAtualizacao": timestamp(instant()),
        ]
    }

    /// `contatos[]` of a company: the people who work there.
    private mutating func personLink(_ person: ContactFacts) -> MockJSON {
        [
            "id": .int(person.id), "nome": .string(person.nome), "cargo": .string(rng.pick(BrazilianVocabulary.cargos)),
            "email": person.email, "emailPrincipal": person.email, "diasSemInteracao": .int(person.diasSemInteracao),
        ]
    }
}
