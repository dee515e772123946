using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Items;

/// <summary>
/// The program as an edit needs it: codes and ordinals resolved to rows, tracked for saving. Plain data, so
/// <see cref="ItemRules"/> can be checked on one built in memory; <see cref="LoadAsync"/> fills it from the database.
/// </summary>
internal sealed class ProgramContext
{
    public required ActionProgram Program { get; init; }
    public required Dictionary<string, WorkItem> Items { get; init; }
    public required Dictionary<string, OrgUnit> Units { get; init; }
    public required Dictionary<int, int> Breakthroughs { get; init; }
    public required Dictionary<int, int> Groups { get; init; }
    public required DateOnly Today { get; init; }

    /// <summary>Recurring deadlines recur from the program's first year to the end of its term.</summary>
    public int FirstYear => Program.IssuedOn.Year;

    public int LastYear => Program.TermEndYear;

    public static async Task<ProgramContext> LoadAsync(TrackerDbContext db, CancellationToken ct)
    {
        var program = await db.Programs.OrderBy(p => p.Id).FirstAsync(ct);
        var items = await db.WorkItems.Where(i => i.ProgramId == program.Id).ToListAsync(ct);
        return new ProgramContext
        {
            Program = program,
            Items = items.ToDictionary(i => i.Code, StringComparer.Ordinal),
            Units = await db.OrgUnits.ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, ct),
            Breakthroughs = await db.Breakthroughs.Where(b => b.ProgramId == program.Id).ToDictionaryAsync(b => b.Ordinal, b => b.Id, ct),
            Groups = await db.Groups.Where(g => g.ProgramId == program.Id).ToDictionaryAsync(g => g.Ordinal, g => g.Id, ct),
            Today = VietnamClock.Today(db.Clock),
        };
    }
}
