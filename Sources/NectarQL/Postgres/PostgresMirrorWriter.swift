import NectarCatalog
import NectarSnapshot
import PostgresNIO

/// One sync run into the mirror, on a connection of its own, as one transaction: until `commit`
/// every reader (a query, a dashboard) sees the previous run, and a failure or a server that goes
/// away leaves it as it was. An advisory lock on the schema keeps a second sync out. Pages from the
/// sync's concurrent listings are written one at a time (an actor).
actor PostgresMirrorWriter: SnapshotWriting {
    private let mirror: PostgresMirror
    private let connection: PostgresConnection
    private var finished = false
    /// Tables whose custom fields differ from those the mirror held: their rows must be read whole.
    nonisolated let customFieldsChanged: Set<String>
    /// One page's statements at a time: an actor alone would interleave two pages' DELETEs and
    /// INSERTs at every await, and a parent listed twice could keep both copies of its children.
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Connects, opens the transaction, takes the lock, and creates the mirror when the schema has none.
    static func begin(_ mirror: PostgresMirror, tables: [TableDefinition], catalog: Catalog) async throws -> PostgresMirrorWriter {
        let connection: PostgresConnection
        do {
            // Named after the schema, so an operator (or a test) can tell which sync holds it.
            connection = try await mirror.connect(as: "nectarql sync " + mirror.schema)
        } catch {
            throw mirror.translate(error, doing: "while connecting")
        }
        let changed: Set<String>
        do {
            changed = try await start(mirror, connection: connection, tables: tables, catalog: catalog)
        } catch {
            _ = try? await connection.execute("ROLLBACK")
            try? await connection.close()
            throw mirror.translate(error, doing: "while starting the sync")
        }
        return PostgresMirrorWriter(mirror: mirror, connection: connection, customFieldsChanged: changed)
    }

    private init(mirror: PostgresMirror, connection: PostgresConnection, customFieldsChanged: Set<String>) {
        self.mirror = mirror
        self.connection = connection
        self.customFieldsChanged = customFieldsChanged
    }

    /// Opens the transaction, takes the lock, creates the mirror when the schema has none, then
    /// brings the mirror's custom columns in line with `tables`, within the run.
    private static func start(
        _ mirror: PostgresMirror, connection: PostgresConnection, tables: [TableDefinition], catalog: Catalog
    ) async throws -> Set<String> {
        let schema = mirror.schema
        do {
            try await connection.execute("BEGIN")
            var key = PostgresBindings()
            key.append("nectarql sync " + schema)
            let locked = try await connection.rows("SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0))", key)
            guard try locked.first?.decode(Bool.self) == true else {
                throw SnapshotError(
                    "another sync is running into schema '\(schema)' at \(mirror.location); try again when it has finished")
            }
            switch try await PostgresMirrorState.inspect(connection, schema: schema) {
            case .mirror: break
            case .absent:
                for statement in PostgresMirrorSchema.statements(for: catalog, schema: schema) { try await connection.execute(statement) }
            case .foreign(let reason):
                throw SnapshotError(
                    "schema '\(schema)' at \(mirror.location) is not a NectarQL mirror (\(reason)); name another ?schema= (nothing was changed)")
            }
            // A mirror made before custom fields were stored gains the list on its next sync.
            try await connection.execute(PostgresCustomFields.createStatement(schema: schema))
            var changed: Set<String> = []
            for table in tables where Catalog.takesCustomFields(table) {
                if try await PostgresCustomFields.store(table, schema: schema, in: connection) { changed.insert(table.name) }
            }
            return changed
        }
    }

    func syncRecords() async throws -> [String: SyncRecord] {
        try await run("while reading the bookkeeping") {
            let rows = try await connection.rows(PostgresBookkeeping.selectSQL(schema: mirror.schema))
            return Dictionary(try rows.map(PostgresBookkeeping.record).map { ($0.table, $0) }) { _, last in last }
        }
    }

    /// DELETE, not TRUNCATE: TRUNCATE would lock readers out until the commit.
    func clear(_ tables: [TableDefinition]) async throws {
        try await run("while emptying tables read whole") {
            for table in tables { try await connection.execute("DELETE FROM \(qualified(table))") }
        }
    }

    func write(_ page: FlattenedPage, of table: TableDefinition) async throws {
        try await run("while writing \(table.name)") {
            if let key = SnapshotSchema.primaryKey(of: table), let index = table.columnIndex(key) {
                try await upsert(Self.lastRowPerKey(page, keyIndex: index), into: table, key: key)
            } else {
                try await replaceChildren(page, of: table)
            }
        }
    }

    func rowCount(of table: TableDefinition) async throws -> Int {
        try await run("while counting \(table.name)") {
            let rows = try await connection.rows("SELECT count(*) FROM \(qualified(table))")
            return Int(try rows.first?.decode(Int64.self) ?? 0)
        }
    }

    func commit(_ records: [SyncRecord]) async throws {
        try await run("while committing") {
            for record in records {
                try await connection.execute(PostgresBookkeeping.upsertSQL(schema: mirror.schema), PostgresBookkeeping.bindings(record))
            }
            try await connection.execute("COMMIT")
        }
        finished = true
        try? await connection.close()
    }

    func rollBack() async {
        guard !finished else { return }
        finished = true
        // A connection the server dropped has rolled back already.
        _ = try? await run("while rolling back") { try await connection.execute("ROLLBACK") }
        try? await connection.close()
    }

    /// Records replace the row with their id (a record read twice is stored once, its last
    /// reading). A record without an id cannot be keyed in PostgreSQL and is left out.
    private func upsert(_ rows: [[Value]], into table: TableDefinition, key: String) async throws {
        let updates = table.columns.filter { $0.name != key }.map {
            "\(SnapshotSchema.quoted($0.name)) = EXCLUDED.\(SnapshotSchema.quoted($0.name))"
        }
        let conflict = " ON CONFLICT (\(SnapshotSchema.quoted(key))) DO "
            + (updates.isEmpty ? "NOTHING" : "UPDATE SET " + updates.joined(separator: ", "))
        try await insert(rows, into: table, suffix: conflict)
    }

    /// A child table's rows of each parent in the page replace that parent's previous rows.
    private func replaceChildren(_ page: FlattenedPage, of table: TableDefinition) async throws {
        var rowsByParent: [Double: [[Value]]] = [:]
        var order: [Double] = []
        var orphans: [[Value]] = []
        for record in page.records {
            guard case .float(let parent) = record.id else {
                orphans += record.rows
                continue
            }
            if rowsByParent[parent] == nil { order.append(parent) }
            rowsByParent[parent] = record.rows
        }
        if let parentColumn = SnapshotSchema.parentIDColumn(of: table), !order.isEmpty {
            var bindings = PostgresBindings()
            bindings.append(order)
            try await connection.execute(
                "DELETE FROM \(qualified(table)) WHERE \(SnapshotSchema.quoted(parentColumn)) = ANY($1)", bindings)
        }
        try await insert(order.flatMap { rowsByParent[$0] ?? [] } + orphans, into: table, suffix: "")
    }

    /// One INSERT for the page's rows: each column bound as one array, unnested into rows.
    private func insert(_ rows: [[Value]], into table: TableDefinition, suffix: String) async throws {
        guard !rows.isEmpty else { return }
        var bindings = PostgresBindings(capacity: table.columns.count)
        var arrays: [String] = []
        for (index, column) in table.columns.enumerated() {
            bindings.append(PostgresColumnArray(type: column.type, values: rows.map { $0[index] }))
            arrays.append("$\(index + 1)::\(PostgresMirrorSchema.storageType(column.type))[]")
        }
        let columns = table.columns.map { SnapshotSchema.quoted($0.name) }.joined(separator: ", ")
        try await connection.execute(
            "INSERT INTO \(qualified(table)) (\(columns)) SELECT * FROM unnest(\(arrays.joined(separator: ", ")))" + suffix, bindings)
    }

    /// The page's rows, one per key (the last), rows without a key left out.
    private static func lastRowPerKey(_ page: FlattenedPage, keyIndex: Int) -> [[Value]] {
        var positions: [Value: Int] = [:]
        var rows: [[Value]] = []
        for record in page.records {
            for row in record.rows where !row[keyIndex].isNull {
                if let position = positions[row[keyIndex]] {
                    rows[position] = row
                } else {
                    positions[row[keyIndex]] = rows.count
                    rows.append(row)
                }
            }
        }
        return rows
    }

    private func qualified(_ table: TableDefinition) -> String {
        PostgresMirrorSchema.qualified(mirror.schema, table.name)
    }

    /// Runs `body`, turning PostgresNIO's errors into messages that name the mirror (never its password).
    private func run<T>(_ what: String, _ body: () async throws -> T) async throws -> T {
        while busy { await withCheckedContinuation { waiting.append($0) } }
        busy = true
        defer {
            busy = false
            if !waiting.isEmpty { waiting.removeFirst().resume() }
        }
        do {
            return try await body()
        } catch {
            throw mirror.translate(error, doing: what)
        }
    }
}
