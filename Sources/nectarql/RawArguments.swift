/// The command line as the operating system passed it. Swift repairs arguments that are not
/// UTF-8 with `�`, which would run a `-c` query other than the one typed; this finds them first.
enum RawArguments {
    /// The 1-based position of the first argument that is not UTF-8 text, or nil.
    static func firstNotUTF8() -> Int? {
        for position in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[position] else { continue }
            if String(validatingCString: pointer) == nil { return position }
        }
        return nil
    }

    static func notUTF8Message(position: Int) -> String {
        "error: argument \(position) of the command line is not UTF-8 text; "
            + "type the query in a UTF-8 terminal, or put it in a UTF-8 file and use -f"
    }
}
