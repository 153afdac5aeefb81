/// Turns a response body into a page of `Content`. The client moves bytes; a decoder is the one
/// step that knows what they mean (the engine's flattens them into a table's rows).
package protocol PageDecoder: Sendable {
    associatedtype Content: Sendable
    associatedtype Identity: Hashable & Sendable
    /// What this decoder makes of a body, for the cache of decoded pages: two decoders of one type
    /// with equal identities decode any body alike, so they may share entries. Nil: never cached.
    var identity: Identity? { get }
    func decode(_ body: [UInt8]) throws -> DecodedPage<Content>
}

/// The identity of a decoder with nothing to tell its instances apart: its type says it all.
package struct SoleDecoder: Hashable, Sendable {
    package init() {}
}

/// A cache key's decoder part: the decoder's type and its identity, so entries of different
/// decoders (and of different content types) never meet.
struct DecoderIdentity: Hashable, @unchecked Sendable {
    private let type: ObjectIdentifier
    /// Holds a `PageDecoder.Identity`, which is Sendable.
    private let identity: AnyHashable

    /// Nil for a decoder that asks not to be cached.
    init?<Decoder: PageDecoder>(_ decoder: Decoder) {
        guard let identity = decoder.identity else { return nil }
        self.type = ObjectIdentifier(Decoder.self)
        self.identity = AnyHashable(identity)
    }
}
