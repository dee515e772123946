using HauGiang.Tracker.Core.Data;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Rules;
using HauGiang.Tracker.Core.Features.Overview;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Tracker.Core.Features.Structure;

/// <summary>
/// Reads the program's structure with every item's lead unit, deadline, status and progress: the rows are the
/// read model's (<see cref="ProgramFactsStore"/>), computed once per change of the data for every page.
/// </summary>
public sealed class ProgramStructureService(IDbContextFactory<TrackerDbContext> dbFactory, ProgramFactsStore store)
{
    /// <summary>The structure of the program (the first one when no code is given) as of today.</summary>
    public async Task<ProgramStructure?> GetAsync(string? programCode = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var program = await db.Programs.AsNoTracking()
            .Where(p => programCode == null || p.Code == programCode)
            .OrderBy(p => p.Id)
            .Select(p => new ProgramHeader(p.Id, p.Code, p.Title, p.IssuingBody, p.IssuedOn, p.TermStartYear + "–" + p.TermEndYear,
                p.Implements, p.Motto, p.Spirit, p.Goal, p.Amendments.Count))
            .FirstOrDefaultAsync(ct);
        if (program is null)
        {
            return null;
        }

        var facts = await store.GetAsync(new FactsRequest(program.Id), ct);
        if (facts is null)
        {
            return null;
        }
        var rows = facts.Items.Select(i => i.Row).ToList();
        var placement = facts.Items.ToDictionary(i => i.Id);

        var breakthroughs = await db.Breakthroughs.AsNoTracking().Where(b => b.ProgramId == program.Id).OrderBy(b => b.Ordinal).ToListAsync(ct);
        var groups = await db.Groups.AsNoTracking().Where(g => g.ProgramId == program.Id).OrderBy(g => g.Ordinal).ToListAsync(ct);

        var byBreakthrough = rows.ToLookup(r => placement[r.Id].BreakthroughId);
        var byGroup = rows.ToLookup(r => placement[r.Id].GroupId);

        return new ProgramStructure(
            program,
            facts.AsOf,
            facts.Period?.Label,
            Totals.Of(rows),
            [.. breakthroughs.Select(b => Node(byBreakthrough[b.Id], items => new BreakthroughNode(b.Id, b.Ordinal, b.Title, Totals.Of(items), items)))],
            [.. groups.Select(g => Node(byGroup[g.Id], items => new GroupNode(g.Id, g.Ordinal, g.Heading, g.Title, g.Text, g.Source, Totals.Of(items), items)))],
            [.. rows.Where(r => placement[r.Id] is { BreakthroughId: null, GroupId: null })]);
    }

    private static T Node<T>(IEnumerable<ItemRow> items, Func<IReadOnlyList<ItemRow>, T> make) => make([.. items]);
}
