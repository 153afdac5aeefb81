import NectarCatalog
import Testing
@testable import NectarOutput

@Suite struct NumberTextTests {
    @Test(arguments: [
        (123456789.0, "123456789"),
        (0.0, "0"),
        (-0.0, "0"),
        (42.0, "42"),
        (-7.0, "-7"),
        (0.1, "0.1"),
        (-2.5, "-2.5"),
        (1234.5, "1234.5"),
        (0.1 + 0.2, "0.30000000000000004"),
        (1.37 * 7, "\(1.37 * 7)"),
        (123456.789, "123456.789"),
        (0.0001, "0.0001"),
        (1e-5, "0.00001"),
        (12345678901234.5, "12345678901234.5"),
        (99999999999999.98, "99999999999999.98"),
        (12345678901234.56, "12345678901234.56"),
        (1.2345678901234567e20, "123456789012345670000"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (1e20, "100000000000000000000"),
        (1e21, "1e+21"),
        (1.5e300, "1.5e+300"),
        (0.000001, "0.000001"),
        (1.25e-7, "1.25e-7"),
        (9007199254740993.0, "9007199254740992"),
        (-9007199254740994.0, "-9007199254740994"),
        (0.000123, "0.000123"),
        (3.141592653589793, "3.141592653589793"),
        (Double.nan, "NaN"),
        (Double.infinity, "Infinity"),
        (-Double.infinity, "-Infinity"),
    ])
    func numberText(value: Double, expected: String) {
        #expect(ValueFormatter.number(value) == expected)
    }

    /// Every digit that tells a double apart is printed: reading the text back gives the same double.
    @Test func textReadsBackAsTheSameDouble() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let value = Double(bitPattern: generator.next() as UInt64)
            guard value.isFinite else { continue }
            let text = ValueFormatter.number(value)
            #expect(Double(text) == value, "\(value.debugDescription) printed as \(text)")
        }
        for value in [0.1, 0.2, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 1e15 + 0.3, 123456.789e3] {
            #expect(Double(ValueFormatter.number(value)) == value)
        }
    }

    @Test func decimalCommaReplacesOnlyTheDecimalPoint() {
        #expect(ValueFormatter.number(1234.5, decimalSeparator: ",") == "1234,5")
        #expect(ValueFormatter.number(1234567.0, decimalSeparator: ",") == "1234567")
        #expect(ValueFormatter.number(-0.25, decimalSeparator: ",") == "-0,25")
    }
}
