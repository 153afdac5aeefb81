/// The fewest requests the API allows for a piece of a query, and how many listings (paged
/// reads) that takes: the target allows a few extra requests per listing, because a client
/// cannot know where a listing ends until it reads a short page.
struct RequestBudget: Equatable {
    /// Records per page: the most `displayLength` may ask for (nectar-api.md).
    static let pageSize = 50

    var minimum: Int
    var listings: Int

    /// One listing of `records` records read to its end: the last page is the first short one,
    /// so an exact multiple of the page size still costs one more (empty) page.
    static func listing(records: Int) -> RequestBudget {
        RequestBudget(minimum: records / pageSize + 1, listings: 1)
    }

    /// One listing per fan-out value (e.g. oportunidades' status 1–5), each read to its end.
    static func listings(records: [Int]) -> RequestBudget {
        records.map(listing(records:)).reduce(.none, +)
    }

    /// `GET endpoint/{key}` once per distinct key.
    static func lookups(_ keys: Int) -> RequestBudget {
        RequestBudget(minimum: keys, listings: 0)
    }

    static let none = RequestBudget(minimum: 0, listings: 0)

    /// The cheaper of two ways to read the same data (ties go to the first).
    static func cheaper(_ first: RequestBudget, _ second: RequestBudget) -> RequestBudget {
        second.minimum < first.minimum ? second : first
    }

    static func + (left: RequestBudget, right: RequestBudget) -> RequestBudget {
        RequestBudget(minimum: left.minimum + right.minimum, listings: left.listings + right.listings)
    }

    /// The target: at most three requests beyond the minimum per listing.
    var allowed: Int { minimum + 3 * listings }
}
