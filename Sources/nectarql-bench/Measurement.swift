/// What one statement cost: requests and bytes as the fake API counted them, time from the
/// statement to its last row, rows, and the process's peak memory while it ran.
struct Measurement {
    var requests = 0
    var bytes = 0
    var seconds = 0.0
    var resultRows = 0
    /// Rows the scans delivered (records flattened, or child rows), before filters and aggregation.
    var scannedRows = 0
    var cacheHits = 0
    var peakBytes: Int?
    /// Resident size when the statement started; the peak above it is what the statement added.
    var startBytes: Int?
    /// `METHOD path?query` of every request, in arrival order, for `--show-requests`.
    var requestLines: [String] = []
    /// Requests the engine itself counted as sent during the statement (the fake API's count is `requests`).
    var engineRequests = 0

    var peakGrowthBytes: Int? { peakBytes.flatMap { peak in startBytes.map { max(0, peak - $0) } } }

    var scannedRowsPerSecond: Double { seconds > 0 ? Double(scannedRows) / seconds : 0 }
}
