using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Audit;
using HauGiang.Tracker.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Sdk;
using static HauGiang.Tracker.Core.Domain.Access.Operation;

namespace HauGiang.Tracker.IntegrationTests.Accounts;

/// <summary>
/// Calls one method of the matrix for every role as a member of the unit that leads the target and of a unit
/// that does not, directly as a page would (or as a crafted request could). Allowed exactly when the policy
/// allows; an allowed call does its work; a refused one throws, changes no table but the audit trail, and
/// leaves there exactly one security row naming the person and the operation.
/// </summary>
public static class MatrixRunner
{
    private const string Outsider = "CT-STC";
    private const string AuditTable = "audit_entries";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The methods whose operation is (or is not) one of the administrators' own.</summary>
    public static TheoryData<string> Methods(bool administration) =>
        [.. AccessMatrix.Entries.Where(e => (e.Value.Operation is ManagePeriods or ManageStructure or ManageUnits or ManageUsers or ManageHolidays) == administration)
            .Select(e => e.Key).Order(StringComparer.Ordinal)];

    public static async Task RunAsync(DatabaseTemplates templates, string method, MatrixEntry entry)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(entry);
        Assert.NotEqual(Outsider, entry.Unit);
        var scene = await MatrixScene.CreateAsync(templates);
        try
        {
            var calls = Roles.All.SelectMany(role => new[] { entry.Unit, Outsider }.Select(unit => As(role, unit, scene)))
                .Select(actor => (Actor: actor, Allowed: Allowed(entry, actor, scene.Units[entry.Owner ?? entry.Unit])))
                .OrderBy(c => c.Allowed) // refusals first: they must leave the scene as it was
                .ToList();
            Assert.Contains(calls, c => c.Allowed); // a method nobody may call is a mistake in the matrix or the rules
            var call = await entry.Prepare(scene);
            var written = false;
            foreach (var (actor, allowed) in calls)
            {
                try
                {
                    if (written)
                    {
                        // The last allowed call wrote: this one starts again from a fresh copy, so it is not refused by validation.
                        await scene.DisposeAsync();
                        scene = await MatrixScene.CreateAsync(templates);
                        call = await entry.Prepare(scene);
                    }
                    if (!allowed)
                    {
                        await AssertRefusedAsync(scene, call, actor, entry.Operation!.Value);
                    }
                    else
                    {
                        written = !await AssertAllowedAsync(scene, call, actor);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    throw new XunitException($"{method} as {actor.UserName}, expected {(allowed ? "allowed" : "refused")}: {ex.Message}", ex);
                }
            }
        }
        finally
        {
            await scene.DisposeAsync();
        }
    }

    private static bool Allowed(MatrixEntry entry, Actor actor, int unitId) => entry switch
    {
        { Operation: null } => true,
        { Coordinating: true } => AccessPolicy.Allows(actor, AddContribution, new UnitScope(null, new HashSet<int> { unitId })),
        _ => AccessPolicy.Allows(actor, entry.Operation!.Value, UnitScope.Lead(unitId)),
    };

    private static Actor As(string role, string unit, MatrixScene scene) =>
        new($"matrix-{role}-{unit}", $"{role} ({unit})", new HashSet<string> { role }, new HashSet<int> { scene.Units[unit] });

    /// <summary>The call succeeds and logs no refusal; true when it wrote nothing, so the scene may be used again.</summary>
    private static async Task<bool> AssertAllowedAsync(MatrixScene scene, Func<Actor, Task> call, Actor actor)
    {
        var before = await DatabaseFingerprint.TakeAsync(scene.Database, Ct);
        var lastAudit = await LastAuditIdAsync(scene);
        var task = call(actor);
        await task;
        MatrixResults.AssertSucceeded(task);
        await using var db = scene.Database.NewContext();
        Assert.False(await db.AuditEntries.AnyAsync(e => e.Id > lastAudit && e.Action == SecurityEvents.PermissionDenied, Ct));
        var after = await DatabaseFingerprint.TakeAsync(scene.Database, Ct);
        return before.OrderBy(t => t.Key, StringComparer.Ordinal).SequenceEqual(after.OrderBy(t => t.Key, StringComparer.Ordinal));
    }

    private static async Task AssertRefusedAsync(MatrixScene scene, Func<Actor, Task> call, Actor actor, Operation operation)
    {
        var before = await DatabaseFingerprint.TakeAsync(scene.Database, Ct);
        var lastAudit = await LastAuditIdAsync(scene);

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => call(actor));

        Assert.Equal((operation, AccessGuard.Message(operation)), (refused.Operation, refused.Message));
        var after = await DatabaseFingerprint.TakeAsync(scene.Database, Ct);
        var changed = before.Keys.Where(t => t != AuditTable && before[t] != after[t]).ToList();
        Assert.True(changed.Count == 0, $"the refusal changed {string.Join(", ", changed)}");
        Assert.Equal(before[AuditTable].Rows + 1, after[AuditTable].Rows);
        await using var db = scene.Database.NewContext();
        var row = Assert.Single(await db.AuditEntries.Where(e => e.Id > lastAudit).ToListAsync(Ct));
        Assert.Equal((AuditCategory.Security, SecurityEvents.PermissionDenied, actor.UserId, actor.UserName), (row.Category, row.Action, row.UserId, row.UserName));
        Assert.Contains($"\"operation\":\"{operation}\"", row.After, StringComparison.Ordinal);
    }

    private static async Task<long> LastAuditIdAsync(MatrixScene scene)
    {
        await using var db = scene.Database.NewContext();
        return await db.AuditEntries.MaxAsync(e => (long?)e.Id, Ct) ?? 0;
    }
}
