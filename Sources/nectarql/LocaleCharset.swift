/// Whether the terminal's locale is UTF-8, read as C programs read it: the first set of
/// `LC_ALL`, `LC_CTYPE`, `LANG` (none set means the C locale, which is ASCII).
enum LocaleCharset {
    static func isUTF8(environment: [String: String]) -> Bool {
        let name = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? "C"
        let letters = name.lowercased().filter { $0 != "-" }
        return letters.contains("utf8")
    }
}
