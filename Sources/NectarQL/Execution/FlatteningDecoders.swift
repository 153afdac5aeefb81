import NectarCatalog
import NectarSource

/// A listing page's body flattened into a table's rows; cached under the flattener's identity.
struct ListingFlattening: PageDecoder {
    let flattener: Flattener

    var identity: Flattener.Identity? { flattener.identity }

    func isWhole(_ body: [UInt8]) -> Bool { JSONBody.endsWhole(body) }

    func decode(_ body: [UInt8]) throws -> DecodedPage<FlattenedPage> {
        let page = try flattener.flattenPage(body)
        return DecodedPage(content: page, recordCount: page.recordCount)
    }
}

/// A lookup's body (one record, or a list of them) flattened into a table's rows. Its own type
/// keeps its cache entries apart from listings' even for the same flattener.
struct LookupFlattening: PageDecoder {
    let flattener: Flattener

    var identity: Flattener.Identity? { flattener.identity }

    func isWhole(_ body: [UInt8]) -> Bool { JSONBody.endsWhole(body) }

    func decode(_ body: [UInt8]) throws -> DecodedPage<FlattenedPage> {
        let page = try flattener.flattenObject(body)
        return DecodedPage(content: page, recordCount: page.recordCount)
    }
}
