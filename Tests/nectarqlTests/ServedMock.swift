import NectarMock

extension MockServer {
    /// Starts this server on a free port, runs `body`, and stops the server before returning or
    /// throwing: a stop left to an unstructured task ran late on a loaded machine, and the
    /// servers (each with its own event-loop thread and sockets) piled up across the suite.
    func serving<T>(_ body: (MockServer) async throws -> T) async throws -> T {
        _ = try await start(port: 0)
        do {
            let value = try await body(self)
            await stop()
            return value
        } catch {
            await stop()
            throw error
        }
    }
}
