/// Everything the fake API can return, generated deterministically from `seed` and `scale`.
///
/// At scale 1: 600 contatos, 1,500 oportunidades (status 1–5), 320 qualificacoes, 280 compromissos,
/// 300 tarefas, 5 pipelines, 40 produtos and 360 propostas; other scales multiply every count.
/// `tarefas` (300) and `contatos` (600) are exact multiples of 50, for paging-end tests.
public struct MockDataset: Sendable {
    public let seed: UInt64
    public let scale: Double
    private let storage: [MockEndpoint: [MockJSON]]

    /// The data's dates lead up to `now` (seconds since 1970; a fixed day in 2026 by default, so
    /// tests are repeatable), with some meetings in the weeks after it.
    public init(seed: UInt64 = 1, scale: Double = 1, now: Int = MockDataset.defaultNow) {
        self.seed = seed
        self.scale = scale
        var builder = DatasetBuilder(seed: seed, scale: scale, now: now)
        storage = builder.build()
    }

    init(seed: UInt64, scale: Double, storage: [MockEndpoint: [MockJSON]]) {
        self.seed = seed
        self.scale = scale
        self.storage = storage
    }

    /// 2026-06-30 18:00 UTC.
    public static let defaultNow = DatasetBuilder.defaultNow

    /// Every record the server can return for `endpoint`, in the API's JSON shape, ordered by id.
    public func records(_ endpoint: MockEndpoint) -> [MockJSON] {
        storage[endpoint] ?? []
    }

    /// How many records `endpoint` has at `scale`, without generating them.
    public static func recordCount(_ endpoint: MockEndpoint, scale: Double = 1) -> Int {
        DatasetBuilder.count(endpoint, scale: scale)
    }
}
