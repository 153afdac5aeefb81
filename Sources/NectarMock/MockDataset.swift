/// Everything the fake API can return, generated deterministically from `seed` and `scale`.
///
/// At scale 1: 600 contatos, 1,500 oportunidades (status 1–5), 320 qualificacoes, 280 compromissos,
/// 300 tarefas, 5 pipelines, 40 produtos and 360 propostas; other scales multiply every count.
/// `tarefas` (300) and `contatos` (600) are exact multiples of 50, for paging-end tests.
public struct MockDataset: Sendable {
    public let seed: UInt64
    public let scale: Double
    private let storage: [MockEndpoint: [MockJSON]]

    public init(seed: UInt64 = 1, scale: Double = 1) {
        self.seed = seed
        self.scale = scale
        var builder = DatasetBuilder(seed: seed, scale: scale)
        storage = builder.build()
    }

    /// Every record the server can return for `endpoint`, in the API's JSON shape, ordered by id.
    public func records(_ endpoint: MockEndpoint) -> [MockJSON] {
        storage[endpoint] ?? []
    }

    /// How many records `endpoint` has at `scale`, without generating them.
    public static func recordCount(_ endpoint: MockEndpoint, scale: Double = 1) -> Int {
        DatasetBuilder.count(endpoint, scale: scale)
    }
}
