using CareCoordination.Core.Providers;

namespace CareCoordination.Core.Tests.Providers;

public class NorthAmericanPhoneNumbers
{
    [Theory]
    [InlineData("(555) 010-2000")]
    [InlineData("555-010-2000")]
    [InlineData("555.010.2000")]
    [InlineData("5550102000")]
    [InlineData(" 555 010 2000 ")]
    [InlineData("1 555 010 2000")]
    [InlineData("+1 (555) 010-2000")]
    [InlineData("1-555-010-2000")]
    public void Any_common_way_of_writing_a_number_comes_out_the_directory_way(string text)
    {
        Assert.True(NorthAmericanPhone.TryNormalize(text, out var normalized));
        Assert.Equal("(555) 010-2000", normalized);
    }

    [Theory]
    [InlineData("555-0102")] // seven digits: no area code
    [InlineData("555 010 20001")] // eleven digits not starting with the country code
    [InlineData("(055) 010-2000")] // area codes never start with 0
    [InlineData("(155) 010-2000")] // nor with 1
    [InlineData("+44 20 7946 0958")] // another country
    [InlineData("+5550102000")] // a plus sign promises a country code
    [InlineData("555-010-2000 x12")] // extensions are not part of the number
    [InlineData("555-CALL-NOW")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Anything_else_is_refused(string? text)
    {
        Assert.False(NorthAmericanPhone.TryNormalize(text, out var normalized));
        Assert.Equal("", normalized);
    }
}
