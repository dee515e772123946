using System.Security.Cryptography;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Accounts;
using HauGiang.Tracker.Core.Features.Audit;

namespace HauGiang.Tracker.Web.Hosting;

/// <summary>The command-line tasks: the first administrator, and the audit-trail check.</summary>
public static class AdminCommands
{
    public static async Task<int> RunAsync(this WebApplication app, StartupCommand command)
    {
        switch (command)
        {
            case StartupCommand.CreateAdmin:
                return await CreateAdminAsync(app);
            case StartupCommand.VerifyAudit:
                var result = await app.Services.GetRequiredService<AuditVerifier>().VerifyAsync(Actor.System("verify-audit"));
                Console.WriteLine(result.IsIntact
                    ? $"Nhật ký thay đổi nguyên vẹn: {result.RowsChecked} dòng, chuỗi băm khớp."
                    : $"Nhật ký thay đổi BỊ SỬA: {result.Problem}");
                return result.IsIntact ? 0 : 3;
            default:
                return 0;
        }
    }

    private static async Task<int> CreateAdminAsync(WebApplication app)
    {
        var email = app.Configuration["email"];
        var name = app.Configuration["name"] ?? "Quản trị hệ thống";
        if (string.IsNullOrWhiteSpace(email))
        {
            Console.Error.WriteLine("Thiếu email: create-admin --email <email> --name \"<họ tên>\"");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable("TRACKER_ADMIN_PASSWORD");
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('/', 'x').Replace('+', 'y');
        }
        var result = await app.Services.GetRequiredService<AccountSeeder>().CreateAdministratorAsync(email.Trim(), name.Trim(), password!);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine(string.Join(" ", result.Errors.Values));
            return 2;
        }
        Console.WriteLine($"Đã tạo quản trị viên {email}.");
        if (generated)
        {
            Console.WriteLine($"Mật khẩu (chỉ in một lần, hãy đổi sau khi đăng nhập): {password}");
        }
        return 0;
    }
}
