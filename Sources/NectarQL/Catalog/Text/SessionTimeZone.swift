import Foundation

/// The zone a session starts in, unless told otherwise: NectarCRM accounts are Brazilian, and the
/// API's day-granular date filters are days in São Paulo.
package enum SessionTimeZone {
    package static let standardName = "America/Sao_Paulo"
    package static let standard: TimeZone = TimeZone(identifier: standardName) ?? TimeZone(secondsFromGMT: -3 * 3600)!
}
