import NectarQL

extension Engine {
    /// Runs `body` on a fresh engine and shuts the engine down afterwards, also when `body` throws.
    static func using<Result>(_ configuration: EngineConfiguration, _ body: (Engine) async throws -> Result) async throws -> Result {
        let engine = try Engine(configuration: configuration)
        do {
            let result = try await body(engine)
            await engine.shutdown()
            return result
        } catch {
            await engine.shutdown()
            throw error
        }
    }
}
