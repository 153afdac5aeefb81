@testable import NectarSource

/// A decoder made of a closure, cached under `identity`; an empty identity is never cached.
struct TestDecoder<Content: Sendable>: PageDecoder {
    let name: String
    let decodeBody: @Sendable ([UInt8]) throws -> DecodedPage<Content>
    let looksWhole: @Sendable ([UInt8]) -> Bool

    init(
        _ name: String, _ decodeBody: @escaping @Sendable ([UInt8]) throws -> DecodedPage<Content>,
        isWhole: @escaping @Sendable ([UInt8]) -> Bool = JSONBody.endsWhole
    ) {
        self.name = name
        self.decodeBody = decodeBody
        self.looksWhole = isWhole
    }

    var identity: String? { name.isEmpty ? nil : name }

    func isWhole(_ body: [UInt8]) -> Bool { looksWhole(body) }

    func decode(_ body: [UInt8]) throws -> DecodedPage<Content> { try decodeBody(body) }
}

extension DecoderIdentity {
    /// The identity a `TestDecoder` named `name` files its pages under.
    static func test(_ name: String) -> DecoderIdentity {
        DecoderIdentity(TestDecoder<[Int]>(name) { _ in DecodedPage(content: [], recordCount: 0) })!
    }
}
