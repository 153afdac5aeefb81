import Foundation

/// Finds the API token: `--token-file` first, then `NECTAR_API_TOKEN`.
/// The token is returned, never printed; every failure message says how to fix it.
enum TokenSource {
    static let environmentVariable = "NECTAR_API_TOKEN"

    static let missingTokenMessage = """
        error: no NectarCRM API token.
          Get one in NectarCRM as an admin: Configurações > Integrações > Gerar Token.
          Pass it in the environment variable NECTAR_API_TOKEN, or put it in a file
          (chmod 600) and use --token-file PATH.
          To try nectarql without an account, run: nectarql --demo
        """

    /// The token, or a `ShellExit(.usageError)` after explaining what is missing.
    static func resolve(tokenFile: String?, environment: [String: String]) throws -> String {
        if let tokenFile {
            return try read(tokenFile)
        }
        if let token = environment[environmentVariable]?.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty {
            return token
        }
        StandardError.line(missingTokenMessage)
        throw ShellExit(status: .usageError)
    }

    private static func read(_ path: String) throws -> String {
        warnIfShared(path)
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8)
        else {
            StandardError.line("error: cannot read token file '\(path)'; check that it exists and that you may read it")
            throw ShellExit(status: .usageError)
        }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else {
            StandardError.line("error: token file '\(path)' is empty; paste the token from Configurações > Integrações > Gerar Token")
            throw ShellExit(status: .usageError)
        }
        return token
    }

    /// A token readable by other users is as good as published; say so, but carry on.
    private static func warnIfShared(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        if info.st_mode & 0o044 != 0 {
            StandardError.line("warning: token file '\(path)' is readable by group or others; run: chmod 600 \(path)")
        }
    }
}
