/// How a page being loaded tells its scan that it came back full, so the scan can request another
/// page before the consumer asks for this one. `isWanted` says whether the scan could use the news
/// now (it has room for another page).
///
/// When the scan `expectsFullPage` (a remembered listing size puts more pages after this one, so
/// they all go out at once and the window's timing is the wall time), the client glances at the
/// body before decoding it, freeing the page's slot a decode earlier. Otherwise it waits for the
/// decoded count: the glance costs about a sixth of the CPU of reading whole records, for a gain
/// of a few milliseconds per round trip.
struct FullPageNotice: Sendable {
    let expectsFullPage: Bool
    let isWanted: @Sendable () -> Bool
    let send: @Sendable () -> Void
}
