/// Counters since the engine started, for `.stats`, the progress line and benchmarks.
public struct EngineStatistics: Sendable, Equatable {
    public var requests = 0
    public var pages = 0
    public var bytes = 0
    public var rows = 0
    public var retries = 0
    public var cacheHits = 0
    /// Values the flattener could not coerce to their column's type (shown as NULL).
    public var coercionFailures = 0
    /// Custom-field values under a label no column reads (a renamed or inactive field), skipped.
    public var ignoredCustomValues = 0

    public init() {}

    /// What happened between two snapshots (per statement).
    public func since(_ earlier: EngineStatistics) -> EngineStatistics {
        var delta = EngineStatistics()
        delta.requests = requests - earlier.requests
        delta.pages = pages - earlier.pages
        delta.bytes = bytes - earlier.bytes
        delta.rows = rows - earlier.rows
        delta.retries = retries - earlier.retries
        delta.cacheHits = cacheHits - earlier.cacheHits
        delta.coercionFailures = coercionFailures - earlier.coercionFailures
        delta.ignoredCustomValues = ignoredCustomValues - earlier.ignoredCustomValues
        return delta
    }
}
