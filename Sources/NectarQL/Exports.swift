// What an embedding program gets from `import NectarQL`, besides the engine declared here: the
// values and columns of results, the errors statements throw, and the writers the shell uses.
// Everything else in the layer modules is `package`: the shell, the benchmark and the tests see
// it, embedding programs do not (`Tests/EmbeddingTests` compiles the README's example as one).
// `RowBatches`, the type of `QueryResult.batches`, is public too and comes with it.
@_exported import enum NectarCatalog.SQLType
@_exported import struct NectarCatalog.ResultColumn
@_exported import enum NectarCatalog.Value
@_exported import protocol NectarOutput.ByteCountingSink
@_exported import class NectarOutput.FileHandleSink
@_exported import enum NectarOutput.OutputError
@_exported import enum NectarOutput.OutputFormat
@_exported import struct NectarOutput.OutputOptions
@_exported import protocol NectarOutput.OutputSink
@_exported import protocol NectarOutput.ResultWriter
@_exported import class NectarOutput.StringSink
@_exported import enum NectarOutput.Writers
@_exported import struct NectarSnapshot.SnapshotError
@_exported import struct NectarSnapshot.SyncOptions
@_exported import struct NectarSnapshot.SyncProgress
@_exported import struct NectarSnapshot.SyncTableReport
@_exported import struct NectarSource.APIError
@_exported import enum NectarSource.FailureKind
@_exported import struct NectarSyntax.QueryError
@_exported import struct NectarSyntax.SourceLocation
