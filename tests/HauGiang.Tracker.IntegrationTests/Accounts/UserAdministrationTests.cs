using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Accounts;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HauGiang.Tracker.IntegrationTests.Accounts;

public class UserAdministrationTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private Actor _admin = null!;
    private int _snv;

    private UserAdministrationService Accounts => Get<UserAdministrationService>();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _admin = await TestUsers.ActorAsync(Services, await TestUsers.CreateAsync(Services, "quantri@thu.local", Roles.Administrator));
        await using var db = Database.NewContext();
        _snv = await db.OrgUnits.Where(u => u.Code == "CT-SNV").Select(u => u.Id).SingleAsync(Ct);
    }

    private async Task<int> UserCountAsync()
    {
        await using var db = Database.NewContext();
        return await db.Users.CountAsync(Ct);
    }

    [Fact]
    public async Task An_administrator_creates_staff_with_roles_and_units_attributed_in_the_trail()
    {
        var result = await Accounts.CreateAsync(_admin, new UserInput("moi@thu.local", "Nguyễn Thị Mới", [Roles.UnitStaff], [_snv]), TestUsers.Password, Ct);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        var actor = await Get<ActorDirectory>().FindAsync((await Accounts.ListAsync(_admin, Ct)).Single(u => u.Email == "moi@thu.local").Id, Ct);
        Assert.Equal([Roles.UnitStaff], actor!.Roles);
        Assert.Equal([_snv], actor.UnitIds);
        await using var db = Database.NewContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(AppUser) && e.Action == "insert" && e.UserId == _admin.UserId, Ct));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityType == nameof(UserUnit) && e.UnitId == _snv, Ct));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == SecurityEvents.AccountCreated, Ct));
        Assert.False(await db.AuditEntries.AnyAsync(e => e.After != null && e.After.Contains("PasswordHash"), Ct));
    }

    [Theory]
    [InlineData("", "Nguyễn A", "Email", "Nhập địa chỉ email dùng để đăng nhập.")]
    [InlineData("khong-phai-email", "Nguyễn A", "Email", "Địa chỉ email không hợp lệ.")]
    [InlineData("quantri@thu.local", "Nguyễn A", "Email", "Email này đã có tài khoản.")]
    [InlineData("a@thu.local", "", "FullName", "Nhập họ và tên.")]
    public async Task Bad_account_details_get_a_Vietnamese_message_on_their_field_and_nothing_is_stored(string email, string name, string field, string message)
    {
        var before = await UserCountAsync();

        var result = await Accounts.CreateAsync(_admin, new UserInput(email, name, [Roles.Leader], []), TestUsers.Password, Ct);

        Assert.Equal(message, result.For(field));
        Assert.Equal(before, await UserCountAsync());
    }

    [Theory]
    [InlineData("ngắn quá", "ít nhất 12 ký tự")]
    [InlineData("password1234", "quá phổ biến")]
    public async Task Weak_passwords_are_refused_with_nothing_stored(string password, string expected)
    {
        var before = await UserCountAsync();

        var result = await Accounts.CreateAsync(_admin, new UserInput("yeu@thu.local", "Nguyễn Yếu", [Roles.Leader], []), password, Ct);

        Assert.Contains(expected, result.For("Password"), StringComparison.Ordinal);
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task Unit_staff_must_belong_to_a_unit()
    {
        var result = await Accounts.CreateAsync(_admin, new UserInput("a@thu.local", "Nguyễn A", [Roles.UnitStaff], []), TestUsers.Password, Ct);
        Assert.Equal("Cán bộ đơn vị phải thuộc ít nhất một đơn vị.", result.For("Units"));
    }

    [Fact]
    public async Task Passwords_are_hashed_with_PBKDF2_SHA512_at_the_OWASP_iteration_count_or_more()
    {
        await Accounts.CreateAsync(_admin, new UserInput("bam@thu.local", "Nguyễn Băm", [Roles.Leader], []), TestUsers.Password, Ct);
        await using var db = Database.NewContext();
        var hash = Convert.FromBase64String((await db.Users.SingleAsync(u => u.Email == "bam@thu.local", Ct)).PasswordHash!);

        Assert.Equal(0x01, hash[0]);                                                  // Identity v3 format
        Assert.Equal(2, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(1))); // HMAC-SHA512
        Assert.True(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(5)) >= 210_000);
    }

    [Fact]
    public async Task A_role_change_is_a_security_event_and_renews_the_security_stamp()
    {
        var staff = await TestUsers.CreateAsync(Services, "canbo@thu.local", Roles.UnitStaff, "CT-SNV");
        var summary = (await Accounts.ListAsync(_admin, Ct)).Single(u => u.Id == staff.Id);

        var result = await Accounts.UpdateAsync(_admin, staff.Id, new UserInput(summary.Email, summary.FullName, [Roles.Leader], []), summary.ConcurrencyStamp, Ct);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        await using var db = Database.NewContext();
        var change = await db.AuditEntries.SingleAsync(e => e.Action == SecurityEvents.RolesChanged, Ct);
        Assert.Contains("UnitStaff", change.After, StringComparison.Ordinal);
        Assert.Contains("Leader", change.After, StringComparison.Ordinal);
        Assert.NotEqual(staff.SecurityStamp, (await db.Users.SingleAsync(u => u.Id == staff.Id, Ct)).SecurityStamp);
        Assert.Equal([Roles.Leader], (await TestUsers.ActorAsync(Services, staff)).Roles);
    }

    [Fact]
    public async Task An_edit_from_a_stale_list_is_refused_without_overwriting()
    {
        var staff = await TestUsers.CreateAsync(Services, "canbo@thu.local", Roles.UnitStaff, "CT-SNV");
        var stale = (await Accounts.ListAsync(_admin, Ct)).Single(u => u.Id == staff.Id);
        await Accounts.UpdateAsync(_admin, staff.Id, new UserInput(stale.Email, "Tên lần một", [Roles.UnitStaff], [_snv]), stale.ConcurrencyStamp, Ct);

        var second = await Accounts.UpdateAsync(_admin, staff.Id, new UserInput(stale.Email, "Tên lần hai", [Roles.UnitStaff], [_snv]), stale.ConcurrencyStamp, Ct);

        Assert.Contains("vừa được người khác thay đổi", second.For(""), StringComparison.Ordinal);
        Assert.Equal("Tên lần một", (await Accounts.ListAsync(_admin, Ct)).Single(u => u.Id == staff.Id).FullName);
    }

    [Fact]
    public async Task A_disabled_user_is_no_actor_any_more()
    {
        var staff = await TestUsers.CreateAsync(Services, "canbo@thu.local", Roles.UnitStaff, "CT-SNV");

        await Accounts.SetDisabledAsync(_admin, staff.Id, disabled: true, Ct);

        Assert.Null(await Get<ActorDirectory>().FindAsync(staff.Id, Ct));
        Assert.False((await Accounts.SetDisabledAsync(_admin, _admin.UserId, disabled: true, Ct)).Succeeded);
    }

    [Fact]
    public async Task A_reset_with_a_refused_password_keeps_the_old_one()
    {
        var staff = await TestUsers.CreateAsync(Services, "canbo@thu.local", Roles.UnitStaff, "CT-SNV");

        var result = await Accounts.ResetPasswordAsync(_admin, staff.Id, "123456789012", Ct);

        Assert.False(result.Succeeded);
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(staff.Id))!, TestUsers.Password));
    }
}
