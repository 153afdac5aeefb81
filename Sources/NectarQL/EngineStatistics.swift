import NectarExecution
import NectarSource

/// Counters since the engine started, for `.stats`, the progress line and benchmarks: the
/// client's traffic and what scans delivered, each kept (and differenced) by its own layer.
public struct EngineStatistics: Sendable, Equatable {
    let http: ClientStatistics
    let scans: ScanCounts

    init(http: ClientStatistics, scans: ScanCounts) {
        self.http = http
        self.scans = scans
    }

    public init() { self.init(http: ClientStatistics(), scans: ScanCounts()) }

    /// HTTP requests started (each attempt counts; cache hits do not).
    public var requests: Int { http.requests }
    public var pages: Int { http.pages }
    /// Body bytes received.
    public var bytes: Int { http.bytesReceived }
    public var retries: Int { http.retries }
    public var cacheHits: Int { http.cacheHits }
    public var rows: Int { scans.rows }
    /// Values the flattener could not coerce to their column's type (shown as NULL).
    public var coercionFailures: Int { scans.coercionFailures }
    /// Custom-field values under a label no column reads (a renamed or inactive field), skipped.
    public var ignoredCustomValues: Int { scans.ignoredCustomValues }

    /// What happened between two snapshots (per statement).
    public func since(_ earlier: EngineStatistics) -> EngineStatistics {
        EngineStatistics(http: http.since(earlier.http), scans: scans.since(earlier.scans))
    }
}
