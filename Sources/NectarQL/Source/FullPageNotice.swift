/// How a page being loaded tells its scan that it came back full, so the scan can request another
/// page before the consumer asks for this one. `isWanted` says whether the scan could use the news
/// now (it has room for another page). The client sends it after decoding: counting a body's
/// records beforehand cost a sixth of the engine's instructions on whole records, to gain the
/// few milliseconds a page takes to decode.
struct FullPageNotice: Sendable {
    let isWanted: @Sendable () -> Bool
    let send: @Sendable () -> Void
}
