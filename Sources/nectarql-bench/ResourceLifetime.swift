import NectarQL

/// Runs `body` on `resource`, then `release`s it, also when `body` throws.
func withResource<Resource, Result>(
    _ resource: Resource, release: (Resource) async -> Void, _ body: (Resource) async throws -> Result
) async throws -> Result {
    do {
        let result = try await body(resource)
        await release(resource)
        return result
    } catch {
        await release(resource)
        throw error
    }
}

extension Engine {
    /// Runs `body` on a fresh engine and shuts the engine down afterwards, also when `body` throws.
    static func using<Result>(_ configuration: EngineConfiguration, _ body: (Engine) async throws -> Result) async throws -> Result {
        try await withResource(try Engine(configuration: configuration), release: { await $0.shutdown() }, body)
    }
}
