/// How table and line modes show NULL: the word `NULL`, dimmed (SGR 2) on a terminal so it
/// also stands apart from the text `'NULL'`. CSV keeps the empty field, JSON `null`.
enum NullMarker {
    static let text = "NULL"

    static func dimmed(_ text: String) -> String {
        "\u{1B}[2m" + text + "\u{1B}[22m"
    }

    static func bytes(styled: Bool) -> [UInt8] {
        Array((styled ? dimmed(text) : text).utf8)
    }
}
