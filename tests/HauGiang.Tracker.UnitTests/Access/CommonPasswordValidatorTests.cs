using HauGiang.Tracker.Core.Features.Accounts;

namespace HauGiang.Tracker.UnitTests.Access;

public class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234!")]
    [InlineData("matkhau123456")]
    [InlineData("123456789012")]
    [InlineData("qwertyuiop123")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abababababab")]
    [InlineData("0987654321098")]
    [InlineData("2026haugiang!!")]
    [InlineData("iloveyou2026")]
    public void Common_and_guessable_passwords_are_refused(string password)
    {
        Assert.True(CommonPasswordValidator.IsWeak(password));
    }

    [Fact]
    public void A_password_holding_the_users_email_or_name_is_refused()
    {
        Assert.True(CommonPasswordValidator.IsWeak("nguyenvana-2026-xyz", "nguyenvana@haugiang.gov.vn"));
        Assert.True(CommonPasswordValidator.IsWeak("Trần Thị Bích 1990!", "x@y.vn", "Trần Thị Bích"));
    }

    [Theory]
    [InlineData("Mùa lúa chín trên sông Hậu 2026")]
    [InlineData("correct horse battery staple")]
    [InlineData("ngã bảy chợ nổi lúc năm giờ")]
    [InlineData("839204718264")]
    public void Long_uncommon_passphrases_pass_with_no_composition_rules(string password)
    {
        Assert.False(CommonPasswordValidator.IsWeak(password, "someone@haugiang.local", "Nguyễn Văn A"));
    }
}
