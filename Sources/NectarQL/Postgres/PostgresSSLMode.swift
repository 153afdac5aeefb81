import PostgresNIO

/// libpq's `sslmode`, as far as a client library can honour it: `disable` never encrypts,
/// `prefer` (libpq's default) encrypts when the server offers it, `require` refuses a server
/// without TLS; `verify-ca` and `verify-full` also check the certificate against the system's
/// trust store (`verify-full` the host name too). `allow` behaves as `prefer`.
package enum PostgresSSLMode: String, Sendable, CaseIterable {
    case disable
    case allow
    case prefer
    case require
    case verifyCA = "verify-ca"
    case verifyFull = "verify-full"

    /// The TLS setting of the pooled connections queries read through.
    var clientTLS: PostgresClient.Configuration.TLS {
        switch self {
        case .disable: .disable
        case .allow, .prefer: .prefer(Self.encryptingOnly)
        case .require: .require(Self.encryptingOnly)
        case .verifyCA, .verifyFull: .require(verifying)
        }
    }

    /// The TLS setting of the single connection a sync writes through.
    func connectionTLS() throws -> PostgresConnection.Configuration.TLS {
        switch self {
        case .disable: .disable
        case .allow, .prefer: .prefer(try NIOSSLContext(configuration: Self.encryptingOnly))
        case .require: .require(try NIOSSLContext(configuration: Self.encryptingOnly))
        case .verifyCA, .verifyFull: .require(try NIOSSLContext(configuration: verifying))
        }
    }

    /// The system's trust store; `verify-ca` accepts a certificate issued for another host name.
    private var verifying: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if self == .verifyCA { configuration.certificateVerification = .noHostnameVerification }
        return configuration
    }

    /// libpq's `prefer` and `require` encrypt without checking the certificate.
    private static var encryptingOnly: TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .none
        return configuration
    }
}
