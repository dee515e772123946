using System.Reflection;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features.Audit;

namespace HauGiang.Tracker.IntegrationTests.Accounts;

/// <summary>
/// The matrix finds its methods itself: every public method of a Core service that takes an actor (the shape a
/// guarded method must have, since the guard needs the actor) is in it, and nothing in it has gone. A method
/// added without a matrix entry fails here before it reaches a page.
/// </summary>
public sealed class AccessMatrixDiscoveryTests
{
    /// <summary>Public methods without an actor on services that hold the guard: reads open to every signed-in user.</summary>
    private static readonly string[] OpenReads =
    [
        "AmendmentService.ListAsync", "DocumentService.IssuedAsync", "ExplanationService.ForItemAsync", "ExplanationService.OpenForUnitsAsync",
        "HolidayService.CalendarForAsync",
        "IndicatorValueService.ListAsync", "ProgramEditor.GetAsync", "StructureEditor.GetAsync",
    ];

    private static IEnumerable<Type> Services() =>
        typeof(AccessGuard).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace?.StartsWith("HauGiang.Tracker.Core.Features", StringComparison.Ordinal) == true
                && t != typeof(AccessGuard)); // the guard itself is what the matrix tests

    private static IEnumerable<MethodInfo> PublicMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName);

    private static bool TakesActor(MethodInfo method) => method.GetParameters().Any(p => p.ParameterType == typeof(Actor));

    /// <summary>"Type.Method", with the parameter types when the type has several such methods of that name.</summary>
    private static IEnumerable<string> Keys(Func<MethodInfo, bool> which) =>
        Services().SelectMany(type => PublicMethods(type).Where(which).GroupBy(m => m.Name).SelectMany(overloads => overloads.Count() == 1
            ? [$"{type.Name}.{overloads.Key}"]
            : overloads.Select(m => $"{type.Name}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})")));

    [Fact]
    public void Every_public_service_method_that_takes_an_actor_is_in_the_matrix()
    {
        var discovered = Keys(TakesActor).ToHashSet();

        Assert.True(discovered.Count > 40, $"only {discovered.Count} methods found: the discovery is looking in the wrong place");
        var missing = discovered.Except(AccessMatrix.Entries.Keys).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"Add to AccessMatrix.Entries: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_matrix_entry_names_a_method_that_still_exists()
    {
        var discovered = Keys(TakesActor).ToHashSet();

        var gone = AccessMatrix.Entries.Keys.Concat(AccessMatrix.Contributions.Keys).Concat(AccessMatrix.FileReads.Keys.Select(k => k.Split(' ')[0]))
            .Except(discovered).Order(StringComparer.Ordinal).ToList();
        Assert.True(gone.Count == 0, $"Re-point or remove in AccessMatrix.Entries: {string.Join(", ", gone)}");
    }

    [Fact]
    public void A_service_that_holds_the_guard_offers_nothing_without_an_actor_but_the_named_reads()
    {
        // A write added without an actor could not be guarded at all, and the matrix would never see it.
        var holders = Services().Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(AccessGuard)))).ToList();
        var withoutActor = holders.SelectMany(t => PublicMethods(t).Where(m => !TakesActor(m)).Select(m => $"{t.Name}.{m.Name}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.True(holders.Count > 10, $"only {holders.Count} services hold the guard");
        Assert.Equal(OpenReads.Order(StringComparer.Ordinal), withoutActor);
    }
}
