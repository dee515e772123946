using System.Globalization;
using System.Text;
using HauGiang.Tracker.Core.Domain;
using Microsoft.AspNetCore.Identity;

namespace HauGiang.Tracker.Core.Features.Accounts;

/// <summary>
/// Length over composition (NIST SP 800-63B): no "one capital, one digit" rules, but a refusal of
/// passwords that are common, a common word with digits or symbols tacked on, a run of one character,
/// a run along the digits or the keyboard, or the user's own name or e-mail.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);
    private static readonly string[] Runs = ["0123456789", "1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz"];

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(IsWeak(password ?? "", user.Email, user.FullName)
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "Mật khẩu quá phổ biến hoặc dễ đoán (trùng danh sách mật khẩu thường gặp, lặp một ký tự, chuỗi liền phím, hoặc chứa tên, email của bạn). Hãy dùng một cụm từ dài, khó đoán." })
            : IdentityResult.Success);
    }

    public static bool IsWeak(string password, string? email = null, string? fullName = null)
    {
        var lower = password.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.GetCultureInfo("vi-VN"));
        var stem = lower.TrimEnd("0123456789!@#$%^&*()-_=+.,?~ ".ToCharArray()).TrimStart("0123456789!@#$%^&*()-_=+.,?~ ".ToCharArray());
        if (Common.Value.Contains(lower) || (stem.Length >= 4 && Common.Value.Contains(stem)))
        {
            return true;
        }
        if (lower.Distinct().Count() <= 2)
        {
            return true;
        }
        if (Runs.Any(run => IsAlongRun(lower, run)))
        {
            return true;
        }
        var local = email?.Split('@')[0].ToLower(CultureInfo.InvariantCulture);
        if (local is { Length: >= 4 } && lower.Contains(local, StringComparison.Ordinal))
        {
            return true;
        }
        var names = (fullName ?? "").ToLower(CultureInfo.GetCultureInfo("vi-VN")).Replace(" ", "", StringComparison.Ordinal);
        return names.Length >= 6 && lower.Replace(" ", "", StringComparison.Ordinal).Contains(names, StringComparison.Ordinal);
    }

    // "1234567890123", "qwertyuiopqwe": the whole password walks along (and around) one run.
    private static bool IsAlongRun(string password, string run)
    {
        var doubled = run + run + run;
        return password.Length <= doubled.Length && (doubled.Contains(password, StringComparison.Ordinal)
            || doubled.Contains(new string(password.Reverse().ToArray()), StringComparison.Ordinal));
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("HauGiang.Tracker.Core.Features.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim().Normalize(NormalizationForm.FormC));
            }
        }
        return set;
    }
}
