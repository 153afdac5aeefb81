/// A record with what the server filters and looks it up by, read once from its JSON,
/// and its encoded bytes, so a page is served without re-encoding.
struct IndexedRecord: Sendable {
    let json: MockJSON
    let bytes: [UInt8]
    let id: Int?
    let name: String?
    let code: String?
    let status: Int?
    let constante: Int?
    let tipo: Int?
    let clienteID: Int?
    let pipelineID: Int?
    let responsavelID: Int?
    let origemID: Int?
    let segmentoID: Int?
    let oportunidadeID: Int?
    let createdDay: Int?
    let updatedDay: Int?
    let limitDay: Int?
    let conclusionDay: Int?
    /// Lower-cased e-mails, and digits of phones, CNPJ and CPF, for the contact lookups.
    let emails: Set<String>
    let phones: Set<String>
    let cnpj: String?
    let cpf: String?

    init(_ json: MockJSON) {
        self.json = json
        bytes = json.encoded()
        id = json["id"]?.intValue
        name = json["nome"]?.stringValue?.lowercased()
        code = json["codigo"]?.stringValue?.lowercased()
        status = json["status"]?.intValue
        constante = json["constante"]?.intValue
        tipo = json["tipo"]?.intValue
        clienteID = json[path: ["cliente", "id"]]?.intValue
        pipelineID = json[path: ["funilVenda", "id"]]?.intValue
        responsavelID = json[path: ["responsavel", "id"]]?.intValue
        origemID = json[path: ["origemObject", "id"]]?.intValue
        segmentoID = json[path: ["segmentoObject", "id"]]?.intValue
        oportunidadeID = json[path: ["oportunidade", "id"]]?.intValue
        createdDay = Self.day(json["dataCriacao"])
        updatedDay = Self.day(json["dataAtualizacao"])
        limitDay = Self.day(json["dataLimite"])
        conclusionDay = Self.day(json["dataConclusao"])
        var emails = Set((json["emails"]?.elements ?? []).compactMap { $0.stringValue?.lowercased() })
        if let email = json["email"]?.stringValue { emails.insert(email.lowercased()) }
        self.emails = emails
        phones = Set((json["telefones"]?.elements ?? []).compactMap { $0.stringValue.map(BrazilianDocuments.digits) })
        cnpj = json["cnpj"]?.stringValue.map(BrazilianDocuments.digits)
        cpf = json["cpf"]?.stringValue.map(BrazilianDocuments.digits)
    }

    private static func day(_ value: MockJSON?) -> Int? {
        value.flatMap(MockTimestamp.epochSeconds(of:)).map(MockTimestamp.brazilDay(ofEpochSeconds:))
    }
}
