using ContractRegie.Core.Spending;

namespace ContractRegie.Core.Tests.Spending;

public class ClientPseudonymTests
{
    private const string Key = "sleutel-van-de-gemeente-almelo-0141-test";

    [Theory]
    [InlineData("999900006", true)]   // 9·9+9·8+9·7+9·6 = 270, − 6 = 264 = 24 × 11
    [InlineData("123456782", true)]   // 156 − 2 = 154 = 14 × 11
    [InlineData("123456789", false)]  // 156 − 9 = 147
    [InlineData("000000000", false)]
    [InlineData("99990000", false)]
    [InlineData("99990000a", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void The_elfproef_decides_what_is_a_bsn(string? value, bool valid) => Assert.Equal(valid, Bsn.IsValid(value));

    [Fact]
    public void The_pseudonym_is_the_hmac_sha256_of_the_bsn_under_the_key()
    {
        var pseudonym = ClientPseudonym.TryCreate(Key, out var problem)!;

        // Computed independently: python3 hmac.new(key, b"999900006", sha256).hexdigest()
        Assert.Null(problem);
        Assert.Equal("11ac31534c82432b0d31380669c16e147f6506d030a48cc0637d1fbc9d513b89", pseudonym.For("999900006"));
    }

    [Fact]
    public void Another_key_gives_another_pseudonym_and_the_same_key_the_same()
    {
        var one = ClientPseudonym.TryCreate(Key, out _)!;
        var other = ClientPseudonym.TryCreate(Key + "-anders", out _)!;

        Assert.Equal(one.For("123456782"), ClientPseudonym.TryCreate(Key, out _)!.For("123456782"));
        Assert.NotEqual(one.For("123456782"), other.For("123456782"));
        Assert.NotEqual(one.For("123456782"), one.For("999900006"));
    }

    [Fact]
    public void An_invalid_bsn_has_no_pseudonym() => Assert.Null(ClientPseudonym.TryCreate(Key, out _)!.For("123456789"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("kort")]
    [InlineData("0123456789012345678901234567890")] // 31 characters
    public void An_empty_or_short_key_is_refused_with_the_reason(string? key)
    {
        Assert.Null(ClientPseudonym.TryCreate(key, out var problem));
        Assert.Contains("Spending:PseudonymKey", problem);
    }
}
