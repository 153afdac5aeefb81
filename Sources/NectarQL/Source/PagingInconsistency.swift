/// A page that contradicts the paging the client asked for. Ending the listing on it, or
/// reading on past it, could drop records without a word, so the scan fails instead
/// (nectar-api.md: never infer the end from a short page of a size you did not ask for).
enum PagingInconsistency: Error, Equatable {
    /// The page held more records than `displayLength` asked for: the API ignored the page
    /// size, so pages computed from it may not tile the listing.
    case largerThanAsked(page: Int, records: Int)
    /// A short page, which should end the listing, while the next page (already requested by
    /// the window) holds records: the API seems to cap pages below the size asked for.
    case shortBeforeMore(page: Int, records: Int, nextRecords: Int)
}
