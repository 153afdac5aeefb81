/// Turns a response body into a page of `Content`. The client moves bytes; a decoder is the one
/// step that knows what they mean (the engine's flattens them into a table's rows).
package protocol PageDecoder: Sendable {
    associatedtype Content: Sendable
    associatedtype Identity: Hashable & Sendable
    /// What this decoder makes of a body, for the cache of decoded pages: two decoders of one type
    /// with equal identities decode any body alike, so they may share entries. Nil: never cached.
    var identity: Identity? { get }
    /// Whether a body seems to have arrived whole (a cheap look, such as its last byte). Checked
    /// inside the retry loop: a body cut short is asked for again. Every NectarCRM answer is a
    /// JSON document, so by default JSON's own test.
    func isWhole(_ body: [UInt8]) -> Bool
    /// Runs once a whole body has arrived, outside the retry loop: a body that does not decode is
    /// reported at once as what it is, never retried as if the network had failed.
    func decode(_ body: [UInt8]) throws -> DecodedPage<Content>
}

extension PageDecoder {
    package func isWhole(_ body: [UInt8]) -> Bool { JSONBody.endsWhole(body) }
}

/// JSON's own test of wholeness: a document that is an object or an array ends with `}` or `]`.
/// A body cut in the middle almost never does, and looking costs one byte, not a parse.
package enum JSONBody {
    package static func endsWhole(_ body: [UInt8]) -> Bool {
        guard let last = body.last(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else { return false }
        return last == UInt8(ascii: "]") || last == UInt8(ascii: "}")
    }
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
