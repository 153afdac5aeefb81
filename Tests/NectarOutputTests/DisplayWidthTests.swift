import Testing
@testable import NectarOutput

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3),
        ("", 0),
        ("São João", 8),
        ("e\u{301}", 1),  // e + combining acute accent
        ("😀", 2),
        ("👩‍💻", 2),  // ZWJ sequence is one cluster
        ("🇧🇷", 2),  // flag
        ("❤️", 2),  // text symbol + VS16
        ("日本語", 6),
        ("ｱ", 1),  // halfwidth katakana
        ("Ａ", 2),  // fullwidth A
        ("a\u{200B}b", 2),  // zero-width space
    ])
    func width(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }
}
