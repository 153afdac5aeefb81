import Foundation

/// The password a connection sends, looked for where libpq looks: the URL, then `PGPASSWORD`,
/// then the password file (`PGPASSFILE`, default `~/.pgpass`). Nil lets the server decide (trust
/// or peer authentication needs none).
package enum PostgresPassword {
    package static func resolve(for url: PostgresURL, environment: [String: String]) -> String? {
        if let password = url.password { return password }
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let path = environment["PGPASSFILE"] ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.pgpass")
        return PgpassFile(path: path).password(host: url.host, port: url.port, database: url.database, user: url.user)
    }
}

/// A libpq password file: lines `host:port:database:user:password`, `*` matching anything, `\:`
/// and `\\` escaping, `#` starting a comment; the first matching line wins. Like libpq, a file that
/// others may read is ignored, so a password never comes from a file anyone could have seen.
struct PgpassFile {
    let path: String

    func password(host: String, port: Int, database: String, user: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 == 0,
            let text = try? String(contentsOfFile: path, encoding: .utf8)
        else { return nil }
        let wanted = [host, String(port), database, user]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.fields(of: line)
            guard fields.count == 5 else { continue }
            let matches = zip(fields.prefix(4), wanted).allSatisfy { field, value in
                field == "*" || field == value || (field == "localhost" && value == "127.0.0.1")
            }
            if matches { return fields[4] }
        }
        return nil
    }

    /// Splits on unescaped colons, undoing `\:` and `\\`.
    static func fields(of line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
