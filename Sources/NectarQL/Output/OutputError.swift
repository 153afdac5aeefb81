/// Why a result could not be written; each message names the problem and what to do.
public enum OutputError: Error, Equatable, CustomStringConvertible {
    case tooManyRowsForTable(limit: Int)
    case rowWidthMismatch(expected: Int, got: Int)
    case cannotOpen(path: String, reason: String)
    case writeFailed(reason: String)
    /// The reader of a pipe went away (EPIPE), e.g. `| head -1` has read what it wanted.
    case readerClosed

    public var description: String {
        switch self {
        case .tooManyRowsForTable(let limit):
            "table output holds every row to size its columns and the result passed \(limit) rows; "
                + "add a LIMIT or switch to a streaming format (.mode csv)"
        case .rowWidthMismatch(let expected, let got):
            "a result row has \(got) values but the result has \(expected) columns; "
                + "this is a bug in the engine, please report it"
        case .cannotOpen(let path, let reason):
            "cannot open output file '\(path)': \(reason); check the path and its permissions"
        case .writeFailed(let reason):
            "cannot write the output: \(reason); check the free space and the target"
        case .readerClosed:
            "the program reading the output closed it"
        }
    }
}
