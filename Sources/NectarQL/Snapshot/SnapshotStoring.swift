import NectarCatalog

/// Where a sync writes the account and snapshot queries read it: a SQLite file or a PostgreSQL
/// schema. The sync algorithm (`SnapshotSync`) and the page fetcher know only this protocol, so
/// both stores follow the same incremental rules and answer queries the same way.
package protocol SnapshotStoring: Sendable {
    /// Where the store is, as it may be shown to a person: a file path, or a URL without its password.
    var location: String { get }
    /// How the store's SQL is spelt (placeholders, row order, limits).
    var dialect: SnapshotDialect { get }
    /// Every table's bookkeeping as last committed (empty for a store never synced).
    func syncRecords() async throws -> [String: SyncRecord]
    /// The custom field definitions the store's tables were synced with (none before the first
    /// sync from an account that has some): a snapshot query's catalog, without a request.
    func customFieldDefinitions() async throws -> [CustomFieldDefinition]
    /// Starts one sync run (its tables carry the account's custom columns: the store adds, retypes
    /// or drops its own to match, and records the definitions, all within the run): a transaction that holds the store's write lock until commit or rollBack.
    func beginSync(tables: [TableDefinition], catalog: Catalog) async throws -> any SnapshotWriting
    /// The rows of one scan's query, in pages of at most `pageRows` (a whole table read in
    /// parallel comes a rowid range a page instead), each `query.width` values wide.
    func rows(of query: SnapshotQuery, pageRows: Int) -> AsyncThrowingStream<[[Value]], any Error>
    /// Releases the store's connections; the store is not used afterwards.
    func close() async
}

/// One sync run's writes, all in one transaction: until `commit`, readers and a crash see the
/// previous state. Pages come from several listings at once; a writer serialises them.
package protocol SnapshotWriting: Sendable {
    /// Tables whose custom fields differ from those the store held: their rows must be read whole.
    var customFieldsChanged: Set<String> { get }
    /// The bookkeeping as the run's transaction sees it (under the write lock, so no other sync changes it).
    func syncRecords() async throws -> [String: SyncRecord]
    /// Empties tables read whole, so rows the API no longer lists are gone after the run.
    func clear(_ tables: [TableDefinition]) async throws
    /// Stores one page of a table: records replace the row with their id; a child table's rows of
    /// each parent replace that parent's previous rows.
    func write(_ page: FlattenedPage, of table: TableDefinition) async throws
    /// Rows the table holds within the run, for the summary and the bookkeeping.
    func rowCount(of table: TableDefinition) async throws -> Int
    /// Records each table's bookkeeping, then makes the whole run visible at once.
    func commit(_ records: [SyncRecord]) async throws
    /// Abandons the run: the store keeps its previous state.
    func rollBack() async
}
