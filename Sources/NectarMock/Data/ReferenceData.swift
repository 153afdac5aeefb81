/// The small shared lists every record points into: users, origins, segments, categories.
struct ReferenceData {
    struct User {
        let id: Int
        let login: String
        let nome: String
        let ativo: Bool

        /// `{id, login, nome}`, the shape of `responsavel`, `autor` and `autorAtualizacao`.
        var json: MockJSON { ["id": .int(id), "login": .string(login), "nome": .string(nome)] }
    }

    struct Named {
        let id: Int
        let nome: String
        var json: MockJSON { ["id": .int(id), "nome": .string(nome)] }
    }

    let users: [User]
    let origens: [Named]
    let segmentos: [Named]
    let categorias: [Named]
    let tiposEntidade: [Named]
    let tarefaTipos: [Named]
    let checklists: [Named]
    let modelosProposta: [Named]

    init(_ rng: inout SeededGenerator) {
        var users: [User] = []
        for index in 0..<12 {
            let first = BrazilianVocabulary.firstNames[(index * 7) % BrazilianVocabulary.firstNames.count]
            let last = rng.pick(BrazilianVocabulary.surnames)
            let login = Self.asciiFolded(first + "." + last).lowercased() + "@empresa.com.br"
            users.append(User(id: 101 + index, login: login, nome: first + " " + last, ativo: index != 11))
        }
        self.users = users
        origens = Self.named(BrazilianVocabulary.origens, from: 11)
        segmentos = Self.named(BrazilianVocabulary.segmentos, from: 21)
        categorias = Self.named(BrazilianVocabulary.categorias, from: 31)
        tiposEntidade = Self.named(BrazilianVocabulary.tiposEntidade, from: 41)
        tarefaTipos = Self.named(BrazilianVocabulary.taskTypes, from: 51)
        checklists = Self.named(BrazilianVocabulary.checklists, from: 61)
        modelosProposta = Self.named(BrazilianVocabulary.proposalModels, from: 71)
    }

    static func named(_ names: [String], from firstID: Int) -> [Named] {
        names.enumerated().map { Named(id: firstID + $0.offset, nome: $0.element) }
    }

    /// Letters without accents, for logins, e-mails and URLs.
    static func asciiFolded(_ text: String) -> String {
        let map: [Character: String] = [
            "á": "a", "à": "a", "â": "a", "ã": "a", "é": "e", "ê": "e", "í": "i", "ó": "o", "ô": "o", "õ": "o",
            "ú": "u", "ü": "u", "ç": "c", "Á": "A", "É": "E", "Í": "I", "Ó": "O", "Ú": "U", "Ç": "C", "Â": "A", "Ê": "E",
        ]
        return text.map { map[$0] ?? String($0) }.joined()
    }
}
