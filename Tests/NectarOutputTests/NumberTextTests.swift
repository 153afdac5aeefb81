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
        (0.1 + 0.2, "0.3"),
        (1.37 * 7, "9.59"),
        (123456.789, "123456.789"),
        (0.0001, "0.0001"),
        (1e-5, "0.00001"),
        (12345678901234.5, "12345678901234.5"),
        (99999999999999.98, "100000000000000"),  // 16 digits round to 15
        (1e20, "100000000000000000000"),
        (1e21, "1e+21"),
        (1.5e300, "1.5e+300"),
        (0.000001, "0.000001"),
        (1.25e-7, "1.25e-7"),
        (9007199254740993.0, "9007199254740990"),
        (3.141592653589793, "3.14159265358979"),
        (Double.nan, "NaN"),
        (Double.infinity, "Infinity"),
        (-Double.infinity, "-Infinity"),
    ])
    func numberText(value: Double, expected: String) {
        #expect(ValueFormatter.number(value) == expected)
    }

    @Test func decimalCommaReplacesOnlyTheDecimalPoint() {
        #expect(ValueFormatter.number(1234.5, decimalSeparator: ",") == "1234,5")
        #expect(ValueFormatter.number(1234567.0, decimalSeparator: ",") == "1234567")
        #expect(ValueFormatter.number(-0.25, decimalSeparator: ",") == "-0,25")
    }
}
