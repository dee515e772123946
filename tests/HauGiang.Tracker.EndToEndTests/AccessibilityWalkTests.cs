using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.Playwright;

namespace HauGiang.Tracker.EndToEndTests;

/// <summary>
/// Every page of the app, for every role, through axe (serious and critical violations fail) and a layout check at
/// 1366×768 and 1024×768; content already checked for another role is not checked twice. The routes come from the Web assembly, so a new page is walked without being listed.
/// Set TRACKER_AXE_REPORT to a file path to get the per-page counts as a Markdown table.
/// </summary>
public partial class AccessibilityWalkTests(DatabaseTemplates templates, Browser browser) : IAsyncLifetime
{
    private static readonly ViewportSize Wide = new() { Width = 1366, Height = 768 };
    private static readonly ViewportSize Narrow = new() { Width = 1024, Height = 768 };
    private const string Anonymous = "(chưa đăng nhập)";
    private const string RefusalPage = "(trang từ chối)";

    private TestDatabase _database = null!;
    private TrackerApp _app = null!;
    private Uri _root = null!;
    private readonly List<Finding> _findings = [];
    private readonly List<string> _layoutProblems = [];
    private readonly List<(string Page, string Role, int Nodes, long Milliseconds)> _counts = [];
    private int _refusalChecked;
    private readonly HashSet<string> _rolesChecked = [];
    private readonly HashSet<string> _contentChecked = [];
    private int _skipped;
    private Dictionary<string, int> _roleOrder = [];
    private TimeSpan _elapsed;

    private sealed record Finding(string Page, string Role, string Rule, string Impact, IReadOnlyList<string> Targets);

    public async ValueTask InitializeAsync()
    {
        _database = await templates.CreateAsync();
        _app = new TrackerApp(_database);
        _root = _app.StartOnRealPort();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Every_page_and_main_dialog_passes_axe_and_fits_for_every_role()
    {
        var seeded = await SeededItemsAsync();
        var routes = Routes();
        Assert.Contains("/muc/{ItemId:int}", routes);

        var accounts = new (string Role, string? Email, string[] Units)[]
        {
            (Anonymous, null, []),
            (Roles.Administrator, "quantri@thu.local", []),
            (Roles.UnitStaff, "canbo.sgddt@thu.local", ["SGDDT", seeded.DocumentUnit]),
            (Roles.MonitoringOffice, "vanphong@thu.local", []),
            (Roles.Leader, "lanhdao@thu.local", []),
            (Roles.Auditor, "kiemtra@thu.local", []),
        };
        _roleOrder = accounts.Select((a, i) => (a.Role, i)).ToDictionary(x => x.Role, x => x.i);
        var clock = Stopwatch.StartNew();
        // One role after the other: walking them side by side overloads two cores and times out sign-ins,
        // in this class and in the journeys that run beside it.
        foreach (var (role, email, units) in accounts)
        {
            await WalkAsync(role, email, units, routes, seeded);
        }
        _elapsed = clock.Elapsed;

        WriteReport();
        var serious = _findings.Select(f => $"{f.Page} [{f.Role}] {f.Rule} ({f.Impact}): {string.Join(" | ", f.Targets)}").ToList();
        Assert.True(serious.Count == 0 && _layoutProblems.Count == 0,
            $"{serious.Count} serious/critical axe violations, {_layoutProblems.Count} layout problems:\n" + string.Join("\n", serious.Concat(_layoutProblems)));
    }

    private async Task WalkAsync(string role, string? email, string[] units, List<string> routes, SeededItems seeded)
    {
        // No trace: the walk reports each page's findings and the pages it could not walk by name, and asserts only
        // after every role's context is closed, so a trace would never be kept; recording one costs a tenth of the walk.
        var page = await browser.OpenAsync(_root, trace: false);
        try
        {
            await page.SetViewportSizeAsync(Wide.Width, Wide.Height);
            if (email is not null)
            {
                await TestUsers.CreateAsync(_app.Services, email, role, units);
                await page.SignInAsync(email);
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var route in routes)
            {
                await GuardAsync(role, route, () => VisitAsync(page, role, route, Fill(route, seeded.Task), seen, email is not null));
            }
            // The item page differs most by item: a finished sample with its evidence, and a document.
            foreach (var (label, id) in new[] { ("/muc/{hoàn thành, có minh chứng}", seeded.Finished), ("/muc/{văn bản}", seeded.Document) })
            {
                await GuardAsync(role, label, () => VisitAsync(page, role, label, $"/muc/{id}", seen, email is not null));
            }
            await OpenDialogsAsync(page, role, seeded);
        }
        finally
        {
            await Browser.CloseAsync(page.Context);
        }
    }

    /// <summary>Every @page route of the Web assembly (sign-in pages included).</summary>
    private static List<string> Routes() =>
        typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Fill(string route, int itemId) => RouteParameter().Replace(route, match =>
        match.Groups[1].Value == "ItemId" ? itemId.ToString(CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"The walk has no value for the route parameter {match.Value} of {route}: add one."));

    [GeneratedRegex(@"\{(\w+)(:\w+)?\}")]
    private static partial Regex RouteParameter();

    private async Task VisitAsync(IPage page, string role, string label, string path, HashSet<string> seen, bool signedIn)
    {
        await page.GotoAsync(path);
        await SettleAsync(page, signedIn);
        var landed = new Uri(page.Url).AbsolutePath;
        if (await page.GetByTestId("access-denied").CountAsync() > 0)
        {
            if (Interlocked.Exchange(ref _refusalChecked, 1) == 1)
            {
                return;
            }
            label = $"{RefusalPage} {label}";
        }
        else if (!seen.Add(landed))
        {
            return; // a redirect to a page already checked for this role (e.g. sign-in)
        }
        else if (!string.Equals(landed, path, StringComparison.Ordinal))
        {
            label = $"{label} → {landed}";
        }
        await CheckAsync(page, role, label);
    }

    private async Task OpenDialogsAsync(IPage page, string role, SeededItems ids)
    {
        var dialogs = role switch
        {
            Roles.Administrator => new (string Label, string Path, string Opener)[]
            {
                ("Hộp thoại sửa mục", "/quan-tri/cau-truc", "[data-action=edit]"),
                ("Hộp thoại thêm nhiệm vụ", "/quan-tri/cau-truc", "[data-testid=add-task]"),
                ("Hộp thoại sáp nhập đơn vị", "/quan-tri/don-vi", "[data-testid=record-merger]"),
                ("Hộp thoại thêm đơn vị", "/quan-tri/don-vi", "[data-testid=add-unit]"),
                ("Hộp thoại thêm người dùng", "/quan-tri/nguoi-dung", "[data-testid=add-user]"),
                ("Hộp thoại thêm ngày nghỉ", "/quan-tri/ngay-nghi", "[data-testid=add-holiday]"),
            },
            Roles.UnitStaff => [("Hộp thoại ghi nhận ban hành", $"/muc/{ids.Document}", "[data-testid=record-issuance]")],
            Roles.MonitoringOffice => [("Hộp thoại điều chỉnh thời hạn", $"/muc/{ids.Task}", "[data-testid=adjust-deadline]")],
            Roles.Leader => [("Hộp thoại yêu cầu giải trình", $"/muc/{ids.Task}", "[data-testid=request-explanation]")],
            _ => [],
        };
        foreach (var (label, path, opener) in dialogs)
        {
            await GuardAsync(role, label, async () =>
            {
                await page.GotoAsync(path);
                await SettleAsync(page);
                await page.Locator(opener).First.ClickAsync();
                await page.GetByRole(AriaRole.Dialog).WaitForAsync();
                await SettleAsync(page);
                await CheckAsync(page, role, label);
            });
        }
    }

    /// <summary>A page that cannot be walked is a finding too, and the walk goes on to the next one.</summary>
    private async Task GuardAsync(string role, string label, Func<Task> visit)
    {
        try
        {
            await visit();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            lock (_counts)
            {
                _layoutProblems.Add($"{label} [{role}]: could not be walked: {e.Message.Split('\n')[0]}");
            }
        }
    }

    /// <summary>Waits for the circuit (on interactive pages), the data, and the end of transitions: no fixed sleep.</summary>
    private static async Task SettleAsync(IPage page, bool signedIn = true)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        // The circuit needs a signed-in user; the sign-in pages stay static HTML.
        if (signedIn && await page.Locator("#app-root").CountAsync() > 0)
        {
            await page.WaitForInteractiveAsync();
        }
        await page.WaitForFunctionAsync("""
            () => !document.querySelector('.mud-progress-indeterminate')
              && document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity)
            """);
    }

    private async Task CheckAsync(IPage page, string role, string label)
    {
        // axe is two thirds of the walk, resizing the window most of the rest. A page whose content (all but the app bar
        // and the menu, which are as wide for every role) is the same markup as one already checked for another role
        // gives the same findings and the same layout; each role's first page is checked whole, app bar and menu too.
        var content = await page.EvaluateAsync<string>(ContentSignature);
        bool fresh;
        lock (_counts)
        {
            fresh = _rolesChecked.Add(role) | _contentChecked.Add(content);
            _skipped += fresh ? 0 : 1;
        }
        if (!fresh)
        {
            return;
        }
        var clock = Stopwatch.StartNew();
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        lock (_counts)
        {
            _counts.Add((label, role, serious.Sum(v => v.Nodes.Length), clock.ElapsedMilliseconds));
            _findings.AddRange(serious.Select(v => new Finding(label, role, v.Id, v.Impact,
                v.Nodes.Take(3).Select(n => n.Target?.ToString() ?? "?").ToList())));
        }

        foreach (var size in new[] { Wide, Narrow })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            var problems = await page.EvaluateAsync<string[]>(LayoutCheck);
            lock (_counts)
            {
                _layoutProblems.AddRange(problems.Select(p => $"{label} [{role}] {size.Width}×{size.Height}: {p}"));
            }
        }
        await page.SetViewportSizeAsync(Wide.Width, Wide.Height);
    }

    /// <summary>
    /// A hash of the page without its app bar and menu, and without what differs between two renders of the same markup
    /// (generated ids and the references to them, Blazor's markers): equal for the same content seen by two roles.
    /// </summary>
    private const string ContentSignature = """
        () => {
          const copy = document.body.cloneNode(true);
          copy.querySelectorAll('header, nav, .mud-appbar, .mud-drawer, script, style').forEach(e => e.remove());
          const html = copy.innerHTML
            .replace(/<!--[\s\S]*?-->/g, '')
            .replace(/\s(id|for|aria-labelledby|aria-describedby|aria-controls|aria-owns|aria-activedescendant)="[^"]*"/g, '')
            .replace(/\s_bl_[\w-]+(="[^"]*")?/g, '');
          let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
          for (let i = 0; i < html.length; i++) {
            const c = html.charCodeAt(i);
            h1 = Math.imul(h1 ^ c, 2654435761);
            h2 = Math.imul(h2 ^ c, 1597334677);
          }
          return `${html.length}:${(h1 >>> 0).toString(16)}:${(h2 >>> 0).toString(16)}`;
        }
        """;

    /// <summary>
    /// Nothing wider than the window, and in every visible table the last header is inside the table's scroll
    /// container, or that container scrolls sideways with a sticky first column.
    /// </summary>
    private const string LayoutCheck = """
        () => {
          const problems = [];
          const root = document.documentElement;
          if (root.scrollWidth > window.innerWidth) problems.push(`page is ${root.scrollWidth}px wide`);
          const visible = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
          for (const table of document.querySelectorAll('table')) {
            if (!visible(table)) continue;
            const heads = [...(table.tHead?.rows[0]?.cells ?? [])].filter(visible);
            if (heads.length === 0) continue;
            let box = table.parentElement;
            while (box && box !== document.body && !['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
            const limit = Math.min(box && box !== document.body ? box.getBoundingClientRect().right : window.innerWidth, window.innerWidth);
            const last = heads[heads.length - 1];
            if (last.getBoundingClientRect().right <= limit + 1) continue;
            const scrolls = box && box !== document.body && ['auto', 'scroll'].includes(getComputedStyle(box).overflowX) && box.scrollWidth > box.clientWidth;
            if (scrolls && getComputedStyle(heads[0]).position === 'sticky') continue;
            const name = table.closest('[data-testid]')?.dataset.testid ?? table.className;
            problems.push(`table "${name}": last column "${last.textContent.trim()}" is cut off`);
          }
          return problems;
        }
        """;

    private void WriteReport()
    {
        var path = Environment.GetEnvironmentVariable("TRACKER_AXE_REPORT");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"Walk: {_counts.Count} pages checked and {_skipped} whose content was already checked for another role, in {_elapsed.TotalSeconds:0} s.\n\n");
        text.Append("| trang | vai trò | nút vi phạm nghiêm trọng | ms |\n|---|---|---|---|\n");
        foreach (var (page, role, nodes, ms) in _counts.OrderBy(c => _roleOrder[c.Role]))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {page} | {role} | {nodes} | {ms} |\n");
        }
        text.Append("\n## Chi tiết\n");
        foreach (var f in _findings.OrderBy(f => _roleOrder[f.Role]))
        {
            text.Append(CultureInfo.InvariantCulture, $"- {f.Page} [{f.Role}] {f.Rule} ({f.Impact}): {string.Join(" | ", f.Targets)}\n");
        }
        foreach (var p in _layoutProblems)
        {
            text.Append(CultureInfo.InvariantCulture, $"- layout: {p}\n");
        }
        File.WriteAllText(path, text.ToString());
    }

    private sealed record SeededItems(int Task, int Finished, int Document, string DocumentUnit);

    /// <summary>A task the staff's unit reports on, a finished sample with link evidence, and an open document whose issuance its unit records.</summary>
    private async Task<SeededItems> SeededItemsAsync()
    {
        await using var db = _database.NewContext();
        var task = db.WorkItems.Where(i => i.Code == "NV-04").Select(i => i.Id).Single();
        var finished = db.Reports.Where(r => r.Evidence.Any(e => e.Kind == EvidenceKind.Link)).Select(r => r.WorkItemId).OrderBy(id => id).First();
        var document = db.Documents
            .Where(d => d.State == ItemState.Active && d.IssuanceConfirmedAt == null)
            .SelectMany(d => d.Assignments.Where(a => a.Role == AssignmentRole.Lead && a.EndsOn == null).Select(a => new { d.Id, d.Code, Unit = a.OrgUnit!.Code }))
            .OrderBy(d => d.Code)
            .First();
        return new SeededItems(task, finished, document.Id, document.Unit);
    }
}
