namespace ParkCycle.Graph.Tests;

public class FormulaTests
{
    [Theory]
    [InlineData("a / b * 100", 25)]
    [InlineData("a / (a + b) * 100", 20)]
    [InlineData("a - b * 2", -7)]
    [InlineData("(a + b) / 5", 1)]
    public void Evaluate_RespectsPrecedenceAndParentheses(string text, double expected)
    {
        var formula = FormulaParser.Parse(text);

        var value = formula.Evaluate(n => n == "a" ? 1 : 4, out _);

        Assert.Equal((decimal)expected, value);
    }

    [Fact]
    public void Evaluate_ZeroDenominator_NamesItInsteadOfInventingANumber()
    {
        var formula = FormulaParser.Parse("a / b * 100");

        var value = formula.Evaluate(n => n == "a" ? 5 : 0, out var zero);

        Assert.Null(value);
        Assert.Equal("b", zero);
    }

    [Fact]
    public void Parse_ListsTheMeasuresUsed() =>
        Assert.Equal(["water_reused_m3", "water_intake_m3"], FormulaParser.Parse("water_reused_m3 / (water_reused_m3 + water_intake_m3) * 100").Names);

    [Fact]
    public void Parse_Garbage_Throws() => Assert.Throws<FormatException>(() => FormulaParser.Parse("a / * b"));
}
