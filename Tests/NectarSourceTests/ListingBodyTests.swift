import Testing
@testable import NectarSource

/// The glance at a page's body that lets the window slide before the page is decoded: it must
/// never call a short page full, whatever the records' strings hold.
@Suite struct ListingBodyTests {
    func holds(_ count: Int, _ text: String) -> Bool {
        ListingBody.holdsAtLeast(count, elementsIn: Array(text.utf8))
    }

    @Test func countsTopLevelElementsOnly() {
        let page = #"[{"id":1,"emails":["a@x","b@x"],"cliente":{"id":2}}, {"id":3,"tags":[[1,2],[3]]}]"#
        #expect(holds(2, page))
        #expect(!holds(3, page))
    }

    @Test func ignoresCommasBracketsAndEscapedQuotesInsideStrings() {
        let page = #"[{"nome":"Silva, \"Zé\" [ltda], {x}"}, "a,b\\", "]"]"#
        #expect(holds(3, page))
        #expect(!holds(4, page))
        // An escaped backslash, then an escaped quote: the string goes on past both.
        let runs = #"["a\\\",]", "\\", 3]"#
        #expect(holds(3, runs))
        #expect(!holds(4, runs))
    }

    @Test(arguments: ["[]", " [ ] ", "", "{}", "null", #"{"erro":"x"}"#])
    func emptyOrNonArrayBodiesHoldNoElements(_ body: String) {
        #expect(!holds(1, body))
    }

    @Test func aSingleElementAndWhitespaceAroundIt() {
        #expect(holds(1, "\n [ 7 ]"))
        #expect(!holds(2, "\n [ 7 ]"))
        #expect(!holds(0, "[1,2]"), "a count below one is never met")
    }

    @Test func aFiftyRecordPageIsFullAndFortyNineIsNot() {
        let record = #"{"id":1,"nome":"a, b","endereco":{"cep":"01000-000"}}"#
        let full = "[" + Array(repeating: record, count: 50).joined(separator: ",") + "]"
        let short = "[" + Array(repeating: record, count: 49).joined(separator: ",") + "]"
        #expect(holds(50, full))
        #expect(!holds(50, short))
    }

    @Test func aBodyClosedEarlyIsNotFull() {
        #expect(!holds(3, "[1,2]]]]"))
    }
}
