using HauGiang.Tracker.Core.Domain.Calendar;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features;
using HauGiang.Tracker.Core.Features.Calendar;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.IntegrationTests.Calendar;

/// <summary>
/// The calendar of days off: a year starts from the defaults of the labour code, stored once and attributed;
/// administrators correct it, and a bad or stale correction stores nothing.
/// </summary>
public class HolidayServiceTests(DatabaseTemplates templates) : ServiceFixture(templates)
{
    private HolidayService Holidays => Get<HolidayService>();

    private async Task<int> StoredCountAsync()
    {
        await using var db = Database.NewContext();
        return await db.Holidays.CountAsync(Ct);
    }

    [Fact]
    public async Task A_year_nobody_has_opened_starts_from_the_defaults_once_and_in_the_audit_trail()
    {
        var first = await Holidays.ListYearAsync(Leader, 2027, Ct);
        var again = await Holidays.ListYearAsync(Office, 2027, Ct);

        Assert.Equal(PublicHolidays.DefaultsFor(2027).Select(h => (h.Date, h.Name)), first.Select(h => (h.Date, h.Name)));
        Assert.All(first, h => Assert.True(h.IsDefault));
        Assert.Equal(first, again);
        await using var db = Database.NewContext();
        var audit = await db.AuditEntries.Where(e => e.EntityType == "Holiday").ToListAsync(Ct);
        Assert.Equal(first.Count, audit.Count);
        Assert.All(audit, e => Assert.Equal(("insert", Leader.UserName), (e.Action, e.UserName)));
        Assert.Contains("Điều 112", audit[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_people_opening_a_new_year_at_once_store_its_defaults_once()
    {
        var lists = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Holidays.ListYearAsync(Leader, 2029, Ct)));

        Assert.All(lists, l => Assert.Equal(lists[0], l));
        Assert.Equal(PublicHolidays.DefaultsFor(2029).Count, await StoredCountAsync());
    }

    [Fact]
    public async Task An_administrator_adds_corrects_and_removes_a_day_off()
    {
        var year = await Holidays.ListYearAsync(Admin, 2027, Ct);
        long lastAudit;
        await using (var before = Database.NewContext())
        {
            lastAudit = await before.AuditEntries.MaxAsync(e => e.Id, Ct);
        }

        Assert.True((await Holidays.AddAsync(Admin, 2027, new HolidayInput(new DateOnly(2027, 2, 12), " Nghỉ Tết (hoán đổi) "), Ct)).Succeeded);
        var tetEve = year.Single(h => h.Date == new DateOnly(2027, 2, 5));
        var moved = await Holidays.UpdateAsync(Admin, tetEve.Id, tetEve.Version, new HolidayInput(new DateOnly(2027, 2, 4), "Tết Nguyên đán (28 tháng Chạp)"), Ct);
        Assert.True(moved.Succeeded, string.Join(" ", moved.Errors.Values));
        var mayDay = year.Single(h => h.Date == new DateOnly(2027, 5, 3));
        Assert.True((await Holidays.RemoveAsync(Admin, mayDay.Id, mayDay.Version, Ct)).Succeeded);

        var now = await Holidays.ListYearAsync(Admin, 2027, Ct);
        Assert.Contains(now, h => h is { Name: "Nghỉ Tết (hoán đổi)", IsDefault: false } && h.Date == new DateOnly(2027, 2, 12));
        Assert.Contains(now, h => h is { Name: "Tết Nguyên đán (28 tháng Chạp)", IsDefault: false } && h.Date == new DateOnly(2027, 2, 4));
        Assert.DoesNotContain(now, h => h.Date == new DateOnly(2027, 2, 5) || h.Date == new DateOnly(2027, 5, 3));
        await using var db = Database.NewContext();
        var trail = await db.AuditEntries.Where(e => e.Id > lastAudit).OrderBy(e => e.Id).Select(e => new { e.EntityType, e.Action, e.UserName }).ToListAsync(Ct);
        Assert.Equal(["insert", "update", "delete"], trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.Equal(("Holiday", Admin.UserName), (e.EntityType, e.UserName)));
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Vietnamese_and_stores_nothing()
    {
        var year = await Holidays.ListYearAsync(Admin, 2027, Ct);
        var stored = await StoredCountAsync();

        var duplicate = await Holidays.AddAsync(Admin, 2027, new HolidayInput(new DateOnly(2027, 9, 2), "Quốc khánh lần hai"), Ct);
        var otherYear = await Holidays.AddAsync(Admin, 2027, new HolidayInput(new DateOnly(2028, 1, 3), "Nghỉ"), Ct);
        var noName = await Holidays.AddAsync(Admin, 2027, new HolidayInput(new DateOnly(2027, 6, 1), "  "), Ct);
        var noDate = await Holidays.AddAsync(Admin, 2027, new HolidayInput(null, "Nghỉ"), Ct);
        var first = year[0];
        var movedOut = await Holidays.UpdateAsync(Admin, first.Id, first.Version, new HolidayInput(new DateOnly(2026, 12, 31), first.Name), Ct);
        var ontoAnother = await Holidays.UpdateAsync(Admin, first.Id, first.Version, new HolidayInput(year[1].Date, first.Name), Ct);

        Assert.Equal("Ngày 02/09/2027 đã có trong lịch ngày nghỉ (Quốc khánh (2/9)).", duplicate.For("Date"));
        Assert.Equal("Ngày nghỉ phải thuộc năm 2027.", otherYear.For("Date"));
        Assert.Equal("Nhập tên ngày nghỉ.", noName.For("Name"));
        Assert.Equal("Chọn ngày nghỉ.", noDate.For("Date"));
        Assert.Equal("Ngày nghỉ phải thuộc năm 2027.", movedOut.For("Date"));
        Assert.StartsWith($"Ngày {year[1].Date:dd/MM/yyyy} đã có", ontoAnother.For("Date"), StringComparison.Ordinal);
        Assert.Equal(stored, await StoredCountAsync());
        Assert.Equal(year, await Holidays.ListYearAsync(Admin, 2027, Ct));
    }

    [Fact]
    public async Task A_correction_from_a_stale_page_is_refused()
    {
        var tet = (await Holidays.ListYearAsync(Admin, 2027, Ct)).Single(h => h.Date == new DateOnly(2027, 2, 6));
        Assert.True((await Holidays.UpdateAsync(Admin, tet.Id, tet.Version, new HolidayInput(tet.Date, "Mùng 1 Tết Đinh Mùi"), Ct)).Succeeded);

        var stale = await Holidays.UpdateAsync(Admin, tet.Id, tet.Version, new HolidayInput(tet.Date, "Tên khác"), Ct);
        var staleRemove = await Holidays.RemoveAsync(Admin, tet.Id, tet.Version, Ct);

        Assert.Contains("người khác", stale.For(OperationResult.FormKey), StringComparison.Ordinal);
        Assert.False(staleRemove.Succeeded);
        Assert.Contains(await Holidays.ListYearAsync(Admin, 2027, Ct), h => h.Id == tet.Id && h.Name == "Mùng 1 Tết Đinh Mùi");
    }

    [Fact]
    public async Task Restoring_the_defaults_undoes_every_correction_of_that_year_only()
    {
        var year = await Holidays.ListYearAsync(Admin, 2027, Ct);
        await Holidays.ListYearAsync(Admin, 2028, Ct);
        await Holidays.AddAsync(Admin, 2027, new HolidayInput(new DateOnly(2027, 2, 12), "Nghỉ thêm"), Ct);
        await Holidays.AddAsync(Admin, 2028, new HolidayInput(new DateOnly(2028, 2, 3), "Nghỉ thêm"), Ct);
        var newYear = year[0];
        await Holidays.UpdateAsync(Admin, newYear.Id, newYear.Version, new HolidayInput(newYear.Date, "Tết Tây"), Ct);
        await Holidays.RemoveAsync(Admin, year[^1].Id, year[^1].Version, Ct);

        Assert.True((await Holidays.RestoreDefaultsAsync(Admin, 2027, Ct)).Succeeded);

        var restored = await Holidays.ListYearAsync(Admin, 2027, Ct);
        Assert.Equal(year.Select(h => (h.Date, h.Name, h.IsDefault)), restored.Select(h => (h.Date, h.Name, h.IsDefault)));
        Assert.Equal(newYear.Id, restored[0].Id); // a default day keeps its row, so its history stays in one place
        Assert.Contains(await Holidays.ListYearAsync(Admin, 2028, Ct), h => h.Name == "Nghỉ thêm");
    }

    [Fact]
    public async Task The_working_calendar_uses_corrections_and_the_defaults_of_years_nobody_opened()
    {
        await Holidays.ListYearAsync(Admin, 2027, Ct);
        await Holidays.AddAsync(Admin, 2027, new HolidayInput(new DateOnly(2027, 2, 12), "Nghỉ Tết (hoán đổi)"), Ct);
        var stored = await StoredCountAsync();

        var calendar = await Holidays.CalendarForAsync(new DateRange(new DateOnly(2026, 12, 1), new DateOnly(2028, 1, 31)), Ct);

        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 2, 12)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2028, 1, 26))); // Tết 2028, from the defaults
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.Equal(new DateOnly(2027, 2, 4), calendar.WorkingDayOnOrBefore(new DateOnly(2027, 2, 14)));
        Assert.Equal(stored, await StoredCountAsync());
    }
}
