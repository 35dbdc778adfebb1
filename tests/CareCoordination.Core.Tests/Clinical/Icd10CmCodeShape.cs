using CareCoordination.Core.Clinical;

namespace CareCoordination.Core.Tests.Clinical;

public class Icd10CmCodeShape
{
    [Theory]
    [InlineData("F32.1", "F32.1", "F32")]
    [InlineData("f321", "F32.1", "F32")]
    [InlineData("I10", "I10", "I10")]
    [InlineData(" F17.210 ", "F17.210", "F17")]
    [InlineData("R45.851", "R45.851", "R45")]
    [InlineData("S72.001A", "S72.001A", "S72")]
    [InlineData("F43.2", "F43.2", "F43")]
    public void Normalises_to_the_dotted_upper_case_form(string text, string expected, string category)
    {
        Assert.True(Icd10CmCode.TryParse(text, out var code));
        Assert.Equal(expected, code!.Value);
        Assert.Equal(category, code.Category);
    }

    [Theory]
    [InlineData("32.1")]
    [InlineData("F3")]
    [InlineData("F32.12345")]
    [InlineData("F3.21")]
    [InlineData("F32-1")]
    [InlineData("F32.")]
    [InlineData("F32.1.1")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_what_is_not_shaped_like_a_code(string? text) => Assert.False(Icd10CmCode.TryParse(text, out _));

    [Fact]
    public void Equal_codes_are_equal_whatever_the_input_form() =>
        Assert.Equal(Icd10CmCode.Parse("f32.1"), Icd10CmCode.Parse("F321"));
}
