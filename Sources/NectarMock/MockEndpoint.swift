/// The listing endpoints the fake API serves, named by their path segment under `/crm/api/1/`.
public enum MockEndpoint: String, CaseIterable, Sendable {
    case contatos, oportunidades, qualificacoes, compromissos, tarefas, pipeline, produto, proposta
}
