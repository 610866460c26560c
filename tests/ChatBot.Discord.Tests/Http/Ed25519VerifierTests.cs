using ChatBot.Discord.Http;

namespace ChatBot.Discord.Tests.Http;

public sealed class Ed25519VerifierTests
{
    // RFC 8032 section 7.1, TEST 2: the one-byte message 0x72 ("r"), read here as timestamp "r" with an empty body.
    private const string PublicKey = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
    private const string Signature = "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

    private static Ed25519Verifier CreateSut(string? publicKey = PublicKey) => new(publicKey);

    [Fact]
    public void Verify_GoldenVector_IsAccepted() =>
        CreateSut().Verify("r", [], Signature).ShouldBeTrue();

    [Fact]
    public void Verify_UpperCaseHex_IsAccepted() =>
        CreateSut().Verify("r", [], Signature.ToUpperInvariant()).ShouldBeTrue();

    [Fact]
    public void Verify_TamperedBody_IsRefused() =>
        CreateSut().Verify("r", "x"u8, Signature).ShouldBeFalse();

    [Fact]
    public void Verify_TamperedSignature_IsRefused() =>
        CreateSut().Verify("r", [], "93" + Signature[2..]).ShouldBeFalse();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("3d40")]
    [InlineData("zz4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c")]
    public void Verify_MissingOrMalformedKey_RefusesEverything(string? publicKey) =>
        CreateSut(publicKey).Verify("r", [], Signature).ShouldBeFalse();

    [Theory]
    [InlineData(null, Signature)]
    [InlineData("", Signature)]
    [InlineData("r", null)]
    [InlineData("r", "abc")]
    public void Verify_MissingTimestampOrSignature_IsRefused(string? timestamp, string? signature) =>
        CreateSut().Verify(timestamp, [], signature).ShouldBeFalse();
}
