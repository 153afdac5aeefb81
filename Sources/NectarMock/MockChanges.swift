/// What an account's users did between two syncs: records edited, created and deleted. Applied
/// with `MockDataset.changing`, following nectar-api.md: an edit moves `dataAtualizacao` (so the
/// day-granular updated-date filters find it), a deletion simply stops the record appearing.
public struct MockChanges: Sendable {
    /// Ids of records edited at `instant`: `nome` (a task's `titulo`) gains " (alterado)" and the last element of every
    /// array of objects (an opportunity's `produtos`, a contact's `enderecos`) is removed.
    public var edited: [MockEndpoint: [Int]] = [:]
    /// How many records are created at `instant`, copies of the endpoint's first record with new ids.
    public var created: [MockEndpoint: Int] = [:]
    /// Ids of records deleted.
    public var deleted: [MockEndpoint: [Int]] = [:]
    /// When the changes happen, seconds since 1970 (tests use the wall clock: a sync reads the
    /// updated-date filter from the day before it last started).
    public var instant: Int

    public init(instant: Int) {
        self.instant = instant
    }
}

extension MockDataset {
    /// The same account after `changes`; records stay ordered by id.
    public func changing(_ changes: MockChanges) -> MockDataset {
        var storage: [MockEndpoint: [MockJSON]] = [:]
        for endpoint in MockEndpoint.allCases {
            storage[endpoint] = Self.apply(changes, to: records(endpoint), of: endpoint)
        }
        return MockDataset(seed: seed, scale: scale, storage: storage)
    }

    private static func apply(_ changes: MockChanges, to records: [MockJSON], of endpoint: MockEndpoint) -> [MockJSON] {
        let edited = Set(changes.edited[endpoint] ?? [])
        let deleted = Set(changes.deleted[endpoint] ?? [])
        let stamp = MockTimestamp.json(changes.instant, style: .isoWithOffset)
        var result: [MockJSON] = records.compactMap { record in
            guard let id = record["id"]?.intValue else { return record }
            if deleted.contains(id) { return nil }
            return edited.contains(id) ? edit(record, at: stamp) : record
        }
        let count = changes.created[endpoint] ?? 0
        if count > 0, let template = records.first {
            let nextID = (records.compactMap { $0["id"]?.intValue }.max() ?? 0) + 1
            for offset in 0..<count {
                let id = nextID + offset
                result.append(
                    template.setting("id", to: .int(id)).setting("nome", to: .string("Novo registro \(id)"))
                        .setting("dataCriacao", to: stamp).setting("dataAtualizacao", to: stamp))
            }
        }
        return result
    }

    private static func edit(_ record: MockJSON, at stamp: MockJSON) -> MockJSON {
        guard case .object(let members) = record else { return record }
        let changed = MockJSON.object(members.map { member in
            switch member.value {
            case .array(let elements) where elements.last?.members != nil:
                return MockJSON.Member(member.key, .array(Array(elements.dropLast())))
            case .string(let name) where member.key == "nome" || member.key == "titulo":
                return MockJSON.Member(member.key, .string(name + " (alterado)"))
            default:
                return member
            }
        })
        return changed.setting("dataAtualizacao", to: stamp)
    }
}
