using Microsoft.AspNetCore.Identity;

namespace HauGiang.Tracker.Core.Features.Accounts;

/// <summary>ASP.NET Core Identity's messages, in Vietnamese.</summary>
public sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    private static IdentityError E(string code, string text) => new() { Code = code, Description = text };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "Đã xảy ra lỗi, vui lòng thử lại.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Tài khoản vừa được người khác thay đổi; tải lại trang rồi thử lại.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "Mật khẩu không đúng.");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "Mã xác nhận không hợp lệ hoặc đã hết hạn.");
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed), "Mã khôi phục không đúng hoặc đã được dùng.");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), "Tài khoản đăng nhập này đã gắn với người dùng khác.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"Tên đăng nhập '{userName}' không hợp lệ.");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"Địa chỉ email '{email}' không hợp lệ.");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"Tên đăng nhập '{userName}' đã có người dùng.");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"Email '{email}' đã có người dùng.");
    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), $"Vai trò '{role}' không hợp lệ.");
    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), $"Vai trò '{role}' đã có.");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "Người dùng đã có mật khẩu.");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "Tài khoản này không dùng khóa tạm thời.");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"Người dùng đã có vai trò '{role}'.");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"Người dùng không có vai trò '{role}'.");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"Mật khẩu phải có ít nhất {length} ký tự.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"Mật khẩu phải có ít nhất {uniqueChars} ký tự khác nhau.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "Mật khẩu phải có ký tự đặc biệt.");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "Mật khẩu phải có chữ số.");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "Mật khẩu phải có chữ thường.");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "Mật khẩu phải có chữ hoa.");
}
