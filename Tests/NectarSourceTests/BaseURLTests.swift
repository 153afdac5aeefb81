import Testing
@testable import NectarSource

@Suite struct BaseURLTests {
    @Test(arguments: [
        "https://app.nectarcrm.com.br/crm/api/1/", "http://127.0.0.1:8080/crm/api/1/", "http://127.3.4.5/crm/api/1",
        "http://localhost:9000/crm/api/1/", "http://[::1]:9000/crm/api/1/",
    ])
    func acceptsHTTPSAndLoopbackHTTP(_ url: String) throws {
        let base = try BaseURL.parse(url)
        #expect(base.text.hasSuffix("/"))
    }

    @Test func refusesPlainHTTPToAnotherHostAndExplainsWhy() {
        let error = #expect(throws: APIError.self) { try BaseURL.parse("http://app.nectarcrm.com.br/crm/api/1/") }
        #expect(error?.kind == .configuration)
        #expect(error?.message.contains("https://") == true)
        #expect(error?.message.contains("app.nectarcrm.com.br") == true)
    }

    @Test(arguments: ["http://128.0.0.1/", "http://10.0.0.1/", "http://localhost.evil.com/", "http://127.0.0.1.nip.io/"])
    func lookalikesOfLoopbackAreNotLoopback(_ url: String) {
        #expect(throws: APIError.self) { try BaseURL.parse(url) }
    }

    @Test(arguments: ["", "not a url", "ftp://example.com/", "https:///crm/api/1/", "app.nectarcrm.com.br/crm/api/1/"])
    func refusesMalformedURLs(_ url: String) {
        let error = #expect(throws: APIError.self) { try BaseURL.parse(url) }
        #expect(error?.kind == .configuration)
    }

    @Test func refusesATokenOrCredentialsInTheURL() {
        let error = #expect(throws: APIError.self) {
            try BaseURL.parse("https://app.nectarcrm.com.br/crm/api/1/?api_token=SECRET-CANARY")
        }
        #expect(error?.message.contains("SECRET-CANARY") == false)
        #expect(throws: APIError.self) { try BaseURL.parse("https://user:SECRET@app.nectarcrm.com.br/crm/api/1/") }
    }

    @Test func locatesRequestsRelativeToTheBaseWithAnEncodedQuery() throws {
        let base = try BaseURL.parse("https://app.nectarcrm.com.br/crm/api/1")
        let located = base.locate(
            path: "/contatos/",
            parameters: [.init("page", "1"), .init("nome", "João & Cia"), .init("dataInicio", "01/02/2024"),
                         .init("responsaveisId", "1,2")])
        #expect(located.endpoint == "contatos/?page=1&nome=Jo%C3%A3o%20%26%20Cia&dataInicio=01/02/2024&responsaveisId=1,2")
        #expect(located.url == "https://app.nectarcrm.com.br/crm/api/1/" + located.endpoint)
    }
}
