using CareCoordination.Core.Providers;

namespace CareCoordination.Core.Tests.Providers;

public class NpiValidation
{
    [Theory]
    [InlineData("1234567893")] // the example in CMS's "NPI Check Digit" paper
    [InlineData("1245319599")]
    [InlineData("1003000126")]
    [InlineData(" 1234567893 ")]
    public void Accepts_ten_digits_with_the_luhn_check_digit_over_the_80840_prefix(string text)
    {
        Assert.True(Npi.TryParse(text, out var npi));
        Assert.Equal(text.Trim(), npi!.Value);
    }

    [Theory]
    [InlineData("1234567890")] // wrong check digit
    [InlineData("1234567894")]
    [InlineData("123456789")] // nine digits
    [InlineData("12345678930")] // eleven digits
    [InlineData("12345A7893")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_anything_else(string? text) => Assert.False(Npi.IsValid(text));

    [Fact]
    public void Computes_the_check_digit_of_a_nine_digit_base() => Assert.Equal('3', Npi.CheckDigitFor("123456789"));

    [Fact]
    public void Parse_names_the_rule_when_it_fails()
    {
        var error = Assert.Throws<FormatException>(() => Npi.Parse("1234567890"));
        Assert.Contains("check digit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("12345678X")]
    public void Check_digit_needs_exactly_nine_digits(string text) =>
        Assert.Throws<ArgumentException>(() => Npi.CheckDigitFor(text));

    [Fact]
    public void Every_check_digit_it_computes_validates()
    {
        for (var n = 100000000; n < 100000000 + 500; n++)
        {
            var nine = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(Npi.IsValid(nine + Npi.CheckDigitFor(nine)));
        }
    }
}
