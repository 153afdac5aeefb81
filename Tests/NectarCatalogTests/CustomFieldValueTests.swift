import Foundation
import Testing
@testable import NectarCatalog

/// How custom values are read: Brazilian and plain numbers, dates, yes/no words; what cannot be read is nil.
@Suite struct CustomFieldValueTests {
    private let saoPaulo = TimeZone(identifier: "America/Sao_Paulo")!

    @Test func numbersInBrazilianAndPlainForms() {
        let cases: [(String, Double)] = [
            ("1.234,56", 1234.56), ("1234.56", 1234.56), ("1234,56", 1234.56), ("1.234.567", 1_234_567),
            ("1,234,567.89", 1_234_567.89), ("R$ 2.500,00", 2500), ("-0,75", -0.75), ("0.500", 0.5), ("42", 42),
            (" 7 ", 7), ("12345.678", 12345.678),
        ]
        for (text, value) in cases {
            #expect(BrazilianNumber.parse(text) == value, "\(text)")
        }
    }

    @Test func ambiguousOrMalformedNumbersAreRefusedRatherThanGuessed() {
        for text in ["1.234", "12.500", "a combinar", "1.23.4", "12,34,56", "1,2.3,4", ".", "1e5", "", "--1"] {
            #expect(BrazilianNumber.parse(text) == nil, "\(text)")
        }
    }

    @Test func datesAreLocalMidnightInTheSessionZone() {
        let rule = CustomFieldRule.date(saoPaulo)
        let midnight = Value.timestamp(1_709_607_600_000)  // 2024-03-05 00:00 at UTC−03:00
        #expect(rule.value(fromText: "05/03/2024") == midnight)
        #expect(rule.value(fromText: "5/3/2024") == midnight)
        #expect(rule.value(fromText: "2024-03-05") == midnight)
        #expect(rule.value(fromText: "2024-03-05T22:10:00-03:00") == midnight)
        #expect(rule.value(fromNumber: 1_709_650_000_000, literal: "") == midnight)  // 2024-03-05 11:46 local
        #expect(CustomFieldRule.date(TimeZone(identifier: "UTC")!).value(fromText: "05/03/2024") == .timestamp(1_709_596_800_000))
        #expect(rule.value(fromText: "31/02/2024") == nil)
        #expect(rule.value(fromText: "março") == nil)
        #expect(rule.value(fromText: "") == .null)
    }

    @Test func yesNoWordsNumbersAndBooleans() {
        let rule = CustomFieldRule.boolean
        for text in ["true", "Sim", "1", " TRUE "] { #expect(rule.value(fromText: text) == .boolean(true), "\(text)") }
        for text in ["false", "não", "NÃO", "nao", "0"] { #expect(rule.value(fromText: text) == .boolean(false), "\(text)") }
        #expect(rule.value(fromBool: true) == .boolean(true))
        #expect(rule.value(fromNumber: 0, literal: "0") == .boolean(false))
        #expect(rule.value(fromText: "talvez") == nil)
        #expect(rule.value(fromNumber: 2, literal: "2") == nil)
    }

    @Test func textKeepsWhatWasSentAndNumbersAsWritten() {
        #expect(CustomFieldRule.text.value(fromText: " Varejo ") == .text(" Varejo "))
        #expect(CustomFieldRule.text.value(fromNumber: 12_345_678_901_234_567, literal: "12345678901234567890") == .text("12345678901234567890"))
        #expect(CustomFieldRule.number.value(fromNumber: 3.5, literal: "3.5") == .float(3.5))
        #expect(CustomFieldRule.number.value(fromBool: true) == nil)
    }
}
