using System.Net;
using System.Text.RegularExpressions;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Accounts;
using HauGiang.Tracker.Testing;
using HauGiang.Tracker.Web.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.IntegrationTests.Accounts;

public partial class SessionTests(DatabaseTemplates templates) : HostedAppTest(templates)
{
    private async Task<Actor> AdministratorAsync() =>
        await TestUsers.ActorAsync(App.Services, await TestUsers.CreateAsync(App.Services, "quantri@thu.local", Roles.Administrator));

    [Fact]
    public async Task Disabling_a_user_ends_their_session_within_the_revalidation_interval()
    {
        var (client, staff) = await App.SignedInAsync(Roles.UnitStaff, "CT-SNV");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);

        var result = await App.Services.GetRequiredService<UserAdministrationService>().SetDisabledAsync(await AdministratorAsync(), staff.Id, disabled: true, Ct);
        Assert.True(result.Succeeded);
        App.Clock.Now += RevalidatingIdentityStateProvider.Interval + TimeSpan.FromSeconds(1);

        var after = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/tai-khoan/dang-nhap", after.Target().PathAndQuery, StringComparison.Ordinal);
        client.Dispose();
    }

    [Fact]
    public async Task Signing_out_needs_a_form_post_and_ends_the_session()
    {
        var (client, _) = await App.SignedInAsync(Roles.Leader);
        var html = await client.GetStringAsync(new Uri("/tai-khoan/doi-mat-khau", UriKind.Relative), Ct);
        var token = Token().Match(html).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) });

        var response = await client.PostAsync(new Uri("/tai-khoan/dang-xuat", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);
        client.Dispose();
    }

    [Fact]
    public async Task A_role_that_requires_two_factor_leads_to_enrolment_then_asks_for_the_code_at_sign_in()
    {
        var admin = await AdministratorAsync();
        await App.Services.GetRequiredService<UserAdministrationService>().SetTwoFactorRequiredAsync(admin, Roles.Leader, required: true, Ct);
        var (client, leader) = await App.SignedInAsync(Roles.Leader);

        var overview = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, overview.StatusCode);
        Assert.Equal("/tai-khoan/bao-mat/kich-hoat", overview.Target().AbsolutePath);

        await FormPost.SubmitAsync(client, "/tai-khoan/bao-mat/kich-hoat?batbuoc=1", "tao-khoa", new Dictionary<string, string>());
        var enrolPage = await client.GetStringAsync(new Uri("/tai-khoan/bao-mat/kich-hoat", UriKind.Relative), Ct);
        var key = Key().Match(enrolPage).Groups[1].Value;
        var enrolled = await FormPost.SubmitAsync(client, "/tai-khoan/bao-mat/kich-hoat", "kich-hoat",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Contains("Đã bật xác thực hai bước.", await enrolled.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);

        using var second = App.CreatePlainClient();
        var password = await FormPost.SignInAsync(second, leader.Email!);
        var challenge = password.Target();
        Assert.Equal("/tai-khoan/xac-thuc-hai-buoc", challenge.AbsolutePath);
        var code = await FormPost.SubmitAsync(second, challenge.PathAndQuery, "xac-thuc-hai-buoc",
            new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);
        client.Dispose();
    }

    [Fact]
    public async Task Auditors_download_the_trail_as_CSV_and_others_are_refused()
    {
        var (auditor, _) = await App.SignedInAsync(Roles.Auditor);
        var (staff, _) = await App.SignedInAsync(Roles.UnitStaff, "CT-SNV");

        var csv = await auditor.GetAsync(new Uri("/kiem-tra/nhat-ky.csv", UriKind.Relative), Ct);
        var refused = await staff.GetAsync(new Uri("/kiem-tra/nhat-ky.csv", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var body = await csv.Content.ReadAsStringAsync(Ct);
        Assert.Contains("sign-in-succeeded", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/tai-khoan/khong-co-quyen", refused.Target().AbsolutePath);
        auditor.Dispose();
        staff.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("data-testid=\"authenticator-key\">([a-z0-9 ]+)<")]
    private static partial Regex Key();
}
