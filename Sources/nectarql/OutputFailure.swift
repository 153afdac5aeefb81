import NectarQL

/// How the shell treats a result it could not write.
enum OutputFailure {
    /// The reader closed the pipe (`nectarql … | head -1`): it has what it wanted, so the shell
    /// stops quietly, as `cat` and `grep` do, instead of reporting an error.
    static func readerClosed(_ error: any Error) -> Bool {
        (error as? OutputError) == .readerClosed
    }

    /// Ctrl-C arrived while the output was being written.
    static func stopped(_ error: any Error) -> Bool {
        (error as? OutputError) == .stopped
    }

    /// Disk full, I/O error: the result did not land where it should; scripts get their own status.
    static func isWriteFailure(_ error: any Error) -> Bool {
        if case .writeFailed = error as? OutputError { return true }
        return false
    }
}
