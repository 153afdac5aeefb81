/// Word lists the generator draws realistic Brazilian names, companies and places from.
enum BrazilianVocabulary {
    static let firstNames = [
        "Ana", "João", "Maria", "José", "Francisca", "Antônio", "Adriana", "Carlos", "Juliana", "Paulo",
        "Márcia", "Pedro", "Fernanda", "Lucas", "Patrícia", "Luiz", "Aline", "Marcos", "Camila", "Rafael",
        "Letícia", "Gabriel", "Beatriz", "Thiago", "Larissa", "Felipe", "Vanessa", "Bruno", "Débora", "Rodrigo",
        "Luíza", "Gustavo", "Cláudia", "Eduardo", "Simone", "Matheus", "Renata", "André", "Tânia", "Sérgio",
    ]
    static let surnames = [
        "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes",
        "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa",
        "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas",
        "Araújo", "Cardoso", "Teixeira", "Correia", "Gonçalves", "Conceição", "Brandão", "Magalhães", "Falcão",
    ]
    static let companyStems = [
        "Agropecuária", "Construtora", "Distribuidora", "Metalúrgica", "Farmacêutica", "Transportadora", "Alimentos",
        "Eletrônica", "Vidraçaria", "Têxtil", "Tecnologia", "Engenharia", "Química", "Comercial", "Logística", "Papelaria",
    ]
    static let companyTails = [
        "Sul", "Brasil", "Norte", "Horizonte", "Aliança", "Progresso", "Santa Clara", "São Jorge", "Paulista", "Mineira",
        "Gaúcha", "Capixaba", "Litoral", "Estrela", "Boa Vista", "Cerrado", "Pampa", "Atlântica", "Amazônia", "Serra Azul",
    ]
    static let companySuffixes = [" Ltda", " S.A.", " ME", " EIRELI", " Ltda.", " Comércio e Serviços Ltda"]
    static let cities: [(city: String, state: String, cep: String, ddd: String)] = [
        ("São Paulo", "SP", "01310", "11"), ("Rio de Janeiro", "RJ", "20040", "21"), ("Belo Horizonte", "MG", "30130", "31"),
        ("Porto Alegre", "RS", "90010", "51"), ("Curitiba", "PR", "80020", "41"), ("Florianópolis", "SC", "88010", "48"),
        ("Salvador", "BA", "40020", "71"), ("Recife", "PE", "50030", "81"), ("Fortaleza", "CE", "60060", "85"),
        ("Goiânia", "GO", "74003", "62"), ("Campinas", "SP", "13010", "19"), ("Manaus", "AM", "69005", "92"),
        ("Vitória", "ES", "29010", "27"), ("Belém", "PA", "66010", "91"), ("Joinville", "SC", "89201", "47"),
    ]
    static let streets = [
        "Av. Paulista", "Rua XV de Novembro", "Av. Brasil", "Rua das Flores", "Av. Getúlio Vargas", "Rua Sete de Setembro",
        "Av. Afonso Pena", "Rua Barão do Rio Branco", "Av. Ipiranga", "Rua Tiradentes", "Rodovia BR-101, Km 12",
    ]
    static let complements = ["Sala 101", "Conjunto 12", "Bloco B", "Galpão 3", "Andar 7", "Loja 2", ""]
    static let emailDomains = ["gmail.com", "hotmail.com", "outlook.com.br", "uol.com.br", "yahoo.com.br", "terra.com.br"]
    static let origens = ["Site", "Indicação", "Google Ads", "Feira de Negócios", "LinkedIn", "RD Station", "Prospecção ativa"]
    static let segmentos = [
        "Agronegócio", "Varejo", "Indústria", "Saúde", "Educação", "Tecnologia", "Construção Civil", "Logística", "Serviços Financeiros",
    ]
    static let categorias = ["Ouro", "Prata", "Bronze", "Estratégico", "Parceiro"]
    static let tiposEntidade = ["Matriz", "Filial", "Pessoa Física", "Órgão Público"]
    static let cargos = ["Diretor Comercial", "Gerente de Compras", "Analista Financeiro", "CEO", "Coordenadora de TI", "Sócio", "Comprador"]
    static let productFamilies: [(categoria: String, subcategorias: [String], produtos: [String])] = [
        ("Software", ["Licenças", "Módulos"], ["Licença ERP", "Módulo Fiscal", "Módulo Estoque", "CRM Premium", "BI Analytics"]),
        ("Serviços", ["Implantação", "Treinamento"], ["Implantação Padrão", "Treinamento Presencial", "Consultoria", "Migração de Dados"]),
        ("Suporte", ["Mensal", "Anual"], ["Suporte 8x5", "Suporte 24x7", "Manutenção Evolutiva"]),
        ("Hardware", ["Equipamentos", "Acessórios"], ["Coletor de Dados", "Impressora Térmica", "Leitor Biométrico", "Servidor Dedicado"]),
    ]
    static let stageNames = ["Prospecção", "Qualificação", "Apresentação", "Proposta", "Negociação", "Fechamento", "Pós-venda"]
    static let pipelineNames = ["Vendas Diretas", "Canal de Revendas", "Qualificação SDR", "Renovações", "Inbound Marketing", "Grandes Contas"]
    static let opportunityThemes = ["Licenças", "Renovação", "Projeto", "Expansão", "Implantação", "Contrato", "Upgrade"]
    static let taskTitles = [
        "Ligar para o cliente", "Enviar proposta revisada", "Follow-up por e-mail", "Agendar demonstração",
        "Confirmar pagamento", "Atualizar cadastro", "Visita técnica", "Revisar contrato",
    ]
    static let taskTypes = ["Ligação", "E-mail", "Reunião", "Visita", "WhatsApp"]
    static let checklists = ["Onboarding", "Pré-venda", "Renovação", "Cobrança"]
    static let meetingSubjects = ["Reunião de alinhamento", "Demonstração do produto", "Negociação de valores", "Kick-off do projeto", "Almoço de relacionamento"]
    static let proposalModels = ["Proposta Padrão", "Proposta Enterprise", "Orçamento Simplificado"]
    static let proposalStatusLabels = ["Rascunho", "Em aprovação", "Aprovada", "Reprovada", "Obsoleta"]
    static let remarks = [
        "Cliente pediu desconto à vista.", "Aguardando retorno do financeiro.", "Interesse no módulo fiscal.",
        "Contato feito na feira de Esteio.", "Prefere contato por WhatsApp.", "Orçamento aprovado pela diretoria.",
    ]
}
