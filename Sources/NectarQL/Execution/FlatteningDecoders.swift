import NectarCatalog
import NectarSource

/// A body flattened into a table's rows: a listing page (an array of records), or a lookup's
/// answer (one record, or a list of them). Cached under the flattener's identity and the shape,
/// so a listing's entry never answers a lookup.
struct FlatteningDecoder: PageDecoder {
    enum Shape: Hashable, Sendable {
        case listing, lookup
    }

    struct Identity: Hashable, Sendable {
        let flattening: Flattener.Identity
        let shape: Shape
    }

    let flattener: Flattener
    let shape: Shape

    var identity: Identity? { Identity(flattening: flattener.identity, shape: shape) }

    func decode(_ body: [UInt8]) throws -> DecodedPage<FlattenedPage> {
        let page = try shape == .listing ? flattener.flattenPage(body) : flattener.flattenObject(body)
        return DecodedPage(content: page, recordCount: page.recordCount)
    }
}
