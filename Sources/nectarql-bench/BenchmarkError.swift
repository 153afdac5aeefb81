/// Why a benchmark could not produce its figures, with what to check.
enum BenchmarkError: Error, CustomStringConvertible {
    case cannotLocateSelf
    case probeFailed(arguments: [String], status: Int32, output: String)
    case queryFailed(name: String, text: String, underlying: any Error)
    case invalidArgument(String)

    var description: String {
        switch self {
        case .cannotLocateSelf:
            "nectarql-bench: cannot find its own executable to start the memory probe; run the built binary directly."
        case .probeFailed(let arguments, let status, let output):
            "nectarql-bench: the memory probe (\(arguments.joined(separator: " "))) exited with \(status) "
                + "without its report line; its output was:\n\(output)"
        case .queryFailed(let name, let text, let underlying):
            "nectarql-bench: the \(name) query failed (\(text)): \(underlying). Run it in `nectarql --demo` to see the error in place."
        case .invalidArgument(let message):
            "nectarql-bench: \(message)"
        }
    }
}
