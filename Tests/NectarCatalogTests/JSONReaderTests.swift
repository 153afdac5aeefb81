import Foundation
import Testing
@testable import NectarCatalog

@Suite struct JSONReaderTests {
    static let samplePage = #"""
    [{"id": 1, "nome": "Acme \"Ltda\"", "emails": ["a@x.com", "b@y.com"], "valorTotal": 1234.56,
      "ativo": true, "cliente": {"id": 7, "nome": "Zé 😀 \u00e9\ud83d\ude00"}, "vazio": {}, "nada": null,
      "lista": [1, -2.5e3, 0, -0, 1E-2, 12345678901234567890]},
     {"id": 2, "dataCriacao": "2016-03-30T12:00:00-03:00", "enderecos": [{"cep": "01001-000"}]}]
    """#

    @Test func matchesFoundationOnGeneratedDocuments() {
        var generator = JSONTextGenerator(random: SplitMix64(state: 2024))
        for round in 0..<1500 {
            let text = generator.space() + generator.document() + generator.space()
            let bytes = Array(text.utf8)
            let ours = try? JSONNode.parse(bytes)
            let theirs = FoundationJSON.parse(bytes)
            #expect(ours != nil, "round \(round): rejected valid JSON \(text)")
            #expect(ours.map(Canonical.init) == theirs, "round \(round): \(text)")
        }
    }

    @Test func numbersAreCorrectlyRounded() throws {
        var generator = JSONTextGenerator(random: SplitMix64(state: 5))
        for _ in 0..<5000 {
            let text = generator.number()
            guard let expected = Double(text), expected.isFinite else { continue }
            let node = try JSONNode.parse(Array(text.utf8))
            #expect(node == .number(expected), "\(text)")
        }
    }

    @Test func matchesFoundationOnMutatedDocuments() {
        var random = SplitMix64(state: 99)
        var generator = JSONTextGenerator(random: SplitMix64(state: 7))
        let alphabet = Array(#"{}[],:"\ntrue-0.5eE+u\#u{0}"#.utf8) + [0x80, 0xC3, 0xED, 0xFF]
        for round in 0..<3000 {
            var bytes = Array(generator.document().utf8)
            let position = Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0 where position < bytes.count: bytes[position] = alphabet.randomElement(using: &random)!
            case 1 where position < bytes.count: bytes.remove(at: position)
            default: bytes.insert(alphabet.randomElement(using: &random)!, at: position)
            }
            let ours = try? JSONNode.parse(bytes)
            let theirs = FoundationJSON.parse(bytes)
            if ours == nil, theirs != nil, Self.foundationTolerates(bytes) { continue }
            #expect(ours.map(Canonical.init) == theirs, "round \(round): \(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    /// Foundation accepts `[1,]`, `{"a":1,}` and a NUL after the value; JSON (and this reader) do not.
    static func foundationTolerates(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.range(of: #",\s*[\]}]"#, options: .regularExpression) != nil || bytes.contains(0)
    }

    @Test func everyTruncationOfAPageIsReportedAsTruncated() throws {
        let bytes = Array(Self.samplePage.utf8)
        #expect(try JSONNode.parse(bytes) != .null)
        for length in 0..<bytes.count where !bytes[length...].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x5D }) {
            let prefix = Array(bytes[0..<length])
            #expect(FoundationJSON.parse(prefix) == nil)
            do {
                _ = try JSONNode.parse(prefix)
                Issue.record("accepted a body cut at byte \(length)")
            } catch let error as JSONError {
                #expect(error.isTruncated, "cut at \(length): \(error)")
            }
        }
    }

    @Test func parsesTheSampleLikeFoundation() throws {
        let bytes = Array(Self.samplePage.utf8)
        #expect(Canonical(try JSONNode.parse(bytes)) == FoundationJSON.parse(bytes))
    }

    @Test(arguments: [
        #"["\ud800"]"#, #"["\udc00"]"#, #"["\ud800\u0041"]"#, #"["\ud800x"]"#, #"["\x"]"#, #"["\u12G4"]"#,
        "[\"a\u{1}\"]", "[\"tab\there\"]", "[01]", "[1.]", "[.5]", "[-]", "[1e]", "[+1]", "[1e400]", "[-1e400]",
        "[tru]", "[nulL]", "{\"a\" 1}", "{a:1}", "[1 2]", "[1] x", "[1]]", "", "   ", "{\"a\":1,}", "[1,]",
    ])
    func rejectsInvalidJSON(text: String) {
        #expect(throws: JSONError.self) { try JSONNode.parse(Array(text.utf8)) }
    }

    @Test func rejectsInvalidUTF8() {
        for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xE2, 0x28, 0xA1], [0xF0, 0x80, 0x80, 0x80]] {
            let bytes = Array("[\"".utf8) + bad + Array("\"]".utf8)
            #expect(throws: JSONError.self) { try JSONNode.parse(bytes) }
            #expect(FoundationJSON.parse(bytes) == nil)
        }
    }

    @Test func nestingIsLimitedWithoutOverflowingTheStack() throws {
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSONNode.parse(Array(ok.utf8)) }
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(throws: JSONError(.tooDeep(limit: 512), at: 512)) { try JSONNode.parse(Array(tooDeep.utf8)) }
        let hostile = Array(repeating: UInt8(ascii: "["), count: 200_000)
        #expect(throws: JSONError.self) { try JSONNode.parse(hostile) }
        let objects = String(repeating: #"{"a":"#, count: 100_000)
        #expect(throws: JSONError.self) { try JSONNode.parse(Array(objects.utf8)) }
    }

    @Test func decodesEscapesAndNumbers() throws {
        let node = try JSONNode.parse(Array(#"["\ud83d\ude00\u00e9\n\"\\\/", 12345678901234567890, -0.0, 1e-400, 2.5E+3, 0.1]"#.utf8))
        #expect(node == .array([.string("😀é\n\"\\/"), .number(12_345_678_901_234_567_890), .number(-0.0), .number(0), .number(2500), .number(0.1)]))
    }

    @Test func ignoresAByteOrderMark() throws {
        #expect(try JSONNode.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.number(1)]))
    }

    @Test func compactTextIsJSONWithoutWhitespace() throws {
        let node = try JSONNode.parse(Array(#" { "a" : [ "x\"y" , 1.0 , 2.5 , true , null ] , "b\n" : { } } "#.utf8))
        #expect(node.compactText == #"{"a":["x\"y",1,2.5,true,null],"b\n":{}}"#)
        #expect(JSONNode.string("\u{1}").compactText == #""\u0001""#)
    }

    @Test func errorsNameThePlaceAndTheProblem() {
        #expect(throws: JSONError(.unexpectedByte(UInt8(ascii: "x")), at: 3)) { try JSONNode.parse(Array("[1,x]".utf8)) }
        let error = JSONError(.truncated, at: 10)
        #expect(error.description.contains("byte 10"))
        #expect(error.isTruncated)
    }
}
