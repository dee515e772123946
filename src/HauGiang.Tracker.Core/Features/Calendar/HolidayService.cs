using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Domain.Calendar;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Core.Features.Structure;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Calendar;

public sealed record HolidayRow(int Id, DateOnly Date, string Name, bool IsDefault, uint Version);

public sealed record HolidayInput(DateOnly? Date, string? Name);

/// <summary>
/// The calendar of days off reminders count working days by. Every signed-in person reads it; a year nobody has
/// looked at yet starts from the defaults of Bộ luật Lao động 2019 (stored, so the trail shows where it came from);
/// administrators correct it to the days the Prime Minister fixes.
/// </summary>
public sealed class HolidayService(IDbContextFactory<TrackerDbContext> dbFactory, AccessGuard guard)
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    private const string ConflictMessage = "Ngày nghỉ này vừa được người khác thay đổi; tải lại để xem.";

    /// <summary>The year's days off in date order; a year with none gets the defaults first, attributed to <paramref name="actor"/>.</summary>
    public async Task<IReadOnlyList<HolidayRow>> ListYearAsync(Actor actor, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await RowsAsync(db, year, ct);
        if (rows.Count > 0)
        {
            return rows;
        }
        db.Actor = actor;
        db.AuditReason = $"Lập lịch ngày nghỉ năm {year} theo mặc định của Bộ luật Lao động 2019, Điều 112";
        db.Holidays.AddRange(PublicHolidays.DefaultsFor(year).Select(h => new Holiday { Date = h.Date, Name = h.Name, IsDefault = true }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Someone else opened the same new year at the same moment: their defaults stand.
        }
        await using var fresh = await dbFactory.CreateDbContextAsync(ct);
        return await RowsAsync(fresh, year, ct);
    }

    public async Task<OperationResult> AddAsync(Actor actor, int year, HolidayInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await guard.DemandAsync(actor, Operation.ManageHolidays, null, $"ngày nghỉ năm {year}", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        if (await ValidateAsync(db, year, input, null, ct) is { } refused)
        {
            return refused;
        }
        db.Holidays.Add(new Holiday { Date = input.Date!.Value, Name = input.Name!.Trim() });
        return await db.SaveUnlessConflictAsync(_ => Task.FromResult(OperationResult.Form(ConflictMessage)), Duplicate(input.Date.Value), ct);
    }

    /// <summary>Corrects a day off's date or name (within its year); it is no longer a default.</summary>
    public Task<OperationResult> UpdateAsync(Actor actor, int id, uint version, HolidayInput input, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, ct, async (db, holiday) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            if (await ValidateAsync(db, holiday.Date.Year, input, holiday.Id, ct) is { } refused)
            {
                return refused;
            }
            holiday.Date = input.Date!.Value;
            holiday.Name = input.Name!.Trim();
            holiday.IsDefault = false;
            return null;
        });

    public Task<OperationResult> RemoveAsync(Actor actor, int id, uint version, CancellationToken ct = default) =>
        ChangeAsync(actor, id, version, ct, (db, holiday) =>
        {
            db.Holidays.Remove(holiday);
            return Task.FromResult<OperationResult?>(null);
        });

    /// <summary>Puts the year back to the defaults: a default day keeps its row (renamed if needed), other days go.</summary>
    public async Task<OperationResult> RestoreDefaultsAsync(Actor actor, int year, CancellationToken ct = default)
    {
        await guard.DemandAsync(actor, Operation.ManageHolidays, null, $"ngày nghỉ năm {year}", ct);
        if (year is < MinYear or > MaxYear)
        {
            return OperationResult.Fail("Year", $"Năm phải từ {MinYear} đến {MaxYear}.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        db.AuditReason = $"Khôi phục lịch ngày nghỉ mặc định năm {year}";
        var stored = await db.Holidays.Where(h => h.Date >= new DateOnly(year, 1, 1) && h.Date <= new DateOnly(year, 12, 31)).ToListAsync(ct);
        var defaults = PublicHolidays.DefaultsFor(year);
        db.Holidays.RemoveRange(stored.Where(h => defaults.All(d => d.Date != h.Date)));
        foreach (var day in defaults)
        {
            var holiday = stored.SingleOrDefault(h => h.Date == day.Date);
            if (holiday is null)
            {
                db.Holidays.Add(new Holiday { Date = day.Date, Name = day.Name, IsDefault = true });
                continue;
            }
            holiday.Name = day.Name;
            holiday.IsDefault = true;
        }
        return await db.SaveUnlessConflictAsync(_ => Task.FromResult(OperationResult.Form(ConflictMessage)),
            "Người khác vừa sửa lịch ngày nghỉ năm này; tải lại rồi khôi phục lại.", ct);
    }

    /// <summary>
    /// The working calendar over <paramref name="range"/>, for reminders: the stored days off, or a year's defaults
    /// where nobody has stored that year yet (without storing them: reminders run with no person to attribute).
    /// </summary>
    public async Task<WorkingCalendar> CalendarForAsync(DateRange range, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var first = new DateOnly(range.Start.Year, 1, 1);
        var last = new DateOnly(range.End.Year, 12, 31);
        var stored = await db.Holidays.AsNoTracking().Where(h => h.Date >= first && h.Date <= last).Select(h => h.Date).ToListAsync(ct);
        var storedYears = stored.Select(d => d.Year).ToHashSet();
        var defaults = Enumerable.Range(range.Start.Year, range.End.Year - range.Start.Year + 1)
            .Where(y => !storedYears.Contains(y) && y is >= MinYear and <= MaxYear)
            .SelectMany(y => PublicHolidays.DefaultsFor(y).Select(h => h.Date));
        return new WorkingCalendar(stored.Concat(defaults).Where(range.Contains));
    }

    private static Task<List<HolidayRow>> RowsAsync(TrackerDbContext db, int year, CancellationToken ct) =>
        db.Holidays.AsNoTracking().Where(h => h.Date >= new DateOnly(year, 1, 1) && h.Date <= new DateOnly(year, 12, 31)).OrderBy(h => h.Date)
            .Select(h => new HolidayRow(h.Id, h.Date, h.Name, h.IsDefault, h.Version)).ToListAsync(ct);

    private static string Duplicate(DateOnly date) => $"Ngày {date:dd/MM/yyyy} đã có trong lịch ngày nghỉ.";

    private static async Task<OperationResult?> ValidateAsync(TrackerDbContext db, int year, HolidayInput input, int? self, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Add("Name", StructureRules.RequiredText(input.Name, TextLimits.Name, "tên ngày nghỉ"));
        errors.Add("Date", input.Date is null ? "Chọn ngày nghỉ."
            : input.Date.Value.Year != year ? $"Ngày nghỉ phải thuộc năm {year}." : null);
        if (input.Date is { } date && date.Year == year)
        {
            var taken = await db.Holidays.AsNoTracking().Where(h => h.Date == date && h.Id != self).Select(h => h.Name).FirstOrDefaultAsync(ct);
            errors.Add("Date", taken is null ? null : $"Ngày {date:dd/MM/yyyy} đã có trong lịch ngày nghỉ ({taken}).");
        }
        return errors.Any ? errors.ToResult() : null;
    }

    private async Task<OperationResult> ChangeAsync(Actor actor, int id, uint version, CancellationToken ct, Func<TrackerDbContext, Holiday, Task<OperationResult?>> change)
    {
        await guard.DemandAsync(actor, Operation.ManageHolidays, null, $"ngày nghỉ {id}", ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Actor = actor;
        var holiday = await db.Holidays.SingleOrDefaultAsync(h => h.Id == id, ct);
        if (holiday is null)
        {
            return OperationResult.Form("Ngày nghỉ này vừa bị người khác xóa; tải lại để xem.");
        }
        if (holiday.Version != version)
        {
            return OperationResult.Form(ConflictMessage);
        }
        if (await change(db, holiday) is { } refused)
        {
            return refused;
        }
        // At the version the person saw; a date someone else took meanwhile is a duplicate, not an error page.
        db.Entry(holiday).Property(h => h.Version).OriginalValue = version;
        return await db.SaveUnlessConflictAsync(_ => Task.FromResult(OperationResult.Form(ConflictMessage)), Duplicate(holiday.Date), ct);
    }
}
