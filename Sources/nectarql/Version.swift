/// What `nectarql --version` prints; raised with each release.
enum Version {
    static let current = "nectarql 0.9.0"
}
