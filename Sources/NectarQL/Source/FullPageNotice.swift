/// How a page being loaded tells its scan, before decoding, that it came back full, so the scan
/// can request another page while this one decodes. `isWanted` says whether the scan could use
/// the news now (it has room for another page); when not, the body is not even glanced at.
struct FullPageNotice: Sendable {
    let isWanted: @Sendable () -> Bool
    let send: @Sendable () -> Void
}
