using System.Security.Claims;
using Bunit;
using HauGiang.Tracker.Core.Domain;
using HauGiang.Tracker.Core.Domain.Access;
using HauGiang.Tracker.Core.Features;
using HauGiang.Tracker.Core.Features.Reporting;
using HauGiang.Tracker.Testing;
using HauGiang.Tracker.Web;
using HauGiang.Tracker.Web.Authorization;
using HauGiang.Tracker.Web.Components.Pages.Reporting;
using HauGiang.Tracker.Core.Features.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace HauGiang.Tracker.IntegrationTests.Reporting;

/// <summary>
/// The real report page over the real services and PostgreSQL (bUnit renders it; no browser): an evidence upload cut
/// halfway, or a connection dropped in the middle of storing the file, leaves no evidence row and no stored file,
/// tells the person why, and keeps what they typed.
/// </summary>
public sealed class EvidenceUploadFaultTests(DatabaseTemplates templates) : ServiceFixture(templates), IAsyncLifetime
{
    private const string Typed = "Đang viết dở: đã tập huấn 3 lớp.";

    private readonly BunitContext _page = new();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _page.JSInterop.Mode = JSRuntimeMode.Loose;
        _page.Services.AddMudServices();
        _page.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        _ = typeof(SharedResource);
        // The page's services come from the app's provider; only who is signed in is bUnit's.
        _page.Services.AddScoped(sp => new CurrentActor(sp.GetRequiredService<AuthenticationStateProvider>(), Get<ActorDirectory>()));
        _page.Services.AddFallbackServiceProvider(Services);
    }

    [Fact]
    public async Task An_upload_cut_halfway_says_so_next_to_the_evidence_stores_nothing_and_keeps_the_typing()
    {
        var (page, reportId) = await OpenPageWithDraftAsync();
        var before = await FilesAsync(reportId);

        await UploadAsync(page, new UploadedFile("bien-ban.pdf", SampleFiles.Pdf("Bien ban nghiem thu"), CutAfterHalf: true));

        page.WaitForAssertion(() => Assert.Equal("Tệp “bien-ban.pdf” chưa tải lên hết (kết nối bị ngắt giữa chừng); chưa có gì được lưu. Hãy chọn lại tệp.",
            page.Find("[data-testid=evidence-error]").TextContent.Trim()));
        Assert.Equal(Typed, TypedResults(page));
        Assert.Equal(before, await FilesAsync(reportId));
        Assert.Empty(page.FindAll("[data-testid=page-error]"));
    }

    [Fact]
    public async Task A_connection_dropped_while_the_file_is_stored_keeps_neither_the_file_nor_the_evidence_and_the_next_try_works()
    {
        var (page, reportId) = await OpenPageWithDraftAsync();
        var before = await FilesAsync(reportId);
        // The evidence row is inserted after the stored file, in the same save: its connection dies right there.
        await Database.ExecuteAsync("""
            CREATE FUNCTION test_drop_connection() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(5); RETURN NEW; END $$;
            CREATE TRIGGER test_drop_connection BEFORE INSERT ON evidence FOR EACH ROW EXECUTE FUNCTION test_drop_connection();
            """);

        await UploadAsync(page, new UploadedFile("bien-ban.pdf", SampleFiles.Pdf("Bien ban nghiem thu"), CutAfterHalf: false));

        page.WaitForAssertion(() => Assert.Equal(DatabaseOutage.Message, page.Find("[data-testid=form-error]").TextContent.Trim()));
        Assert.Equal(Typed, TypedResults(page));
        Assert.Equal(before, await FilesAsync(reportId));

        await Database.ExecuteAsync("DROP TRIGGER test_drop_connection ON evidence");
        await UploadAsync(page, new UploadedFile("bien-ban.pdf", SampleFiles.Pdf("Bien ban nghiem thu"), CutAfterHalf: false));

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=form-error]")));
        Assert.Equal((before.Evidence + 1, before.Stored + 1), await FilesAsync(reportId));
    }

    /// <summary>A unit's staff on the report page of NV-04, with a saved draft (evidence needs one) and a result typed but not saved.</summary>
    private async Task<(IRenderedComponent<ReportPage> Page, int ReportId)> OpenPageWithDraftAsync()
    {
        var user = await TestUsers.CreateAsync(Services, $"tai-len.{Guid.NewGuid():N}@thu.local", Roles.UnitStaff, "CT-SGDDT");
        var actor = await TestUsers.ActorAsync(Services, user);
        var item = await ItemIdAsync("NV-04");
        var period = await PeriodAsync("Quý IV/2026");
        var (saved, reportId) = await Get<ProgressReportService>().SaveAsync(actor, new ReportInput(item, period.Id, 30, "Bản nháp.", null, null, null, null), null, null, false, Ct);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Values));
        var auth = _page.AddAuthorization();
        auth.SetAuthorized(user.Email!);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id));

        var page = _page.Render<ReportPage>(p => p.Add(c => c.ItemId, item));
        page.WaitForElement("[data-testid=evidence-upload]", TimeSpan.FromSeconds(10));
        page.Find("[data-field=results] textarea, textarea[data-field=results]").Change(Typed);
        return (page, reportId!.Value);
    }

    private static string? TypedResults(IRenderedComponent<ReportPage> page) =>
        page.Find("[data-field=results] textarea, textarea[data-field=results]") is { } box ? box.GetAttribute("value") ?? box.TextContent : null;

    // As the browser's file picker hands a file to MudFileUpload's InputFile.
    private static async Task UploadAsync(IRenderedComponent<ReportPage> page, IBrowserFile file)
    {
        var input = page.FindComponent<InputFile>();
        await page.InvokeAsync(() => input.Instance.OnChange.InvokeAsync(new InputFileChangeEventArgs([file])));
    }

    private async Task<(int Evidence, int Stored)> FilesAsync(int reportId)
    {
        await using var db = Database.NewContext();
        return (await db.Evidence.CountAsync(e => e.ReportId == reportId, Ct), await db.StoredFiles.CountAsync(Ct));
    }

    public new async ValueTask DisposeAsync()
    {
        await _page.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>A picked file; with <paramref name="CutAfterHalf"/> its stream breaks after half the bytes, as when the circuit's connection drops mid-upload.</summary>
    private sealed record UploadedFile(string Name, byte[] Content, bool CutAfterHalf) : IBrowserFile
    {
        public DateTimeOffset LastModified => FixedClock.SeedDay;

        public long Size => Content.LongLength;

        public string ContentType => "application/pdf";

        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) =>
            CutAfterHalf ? new CutStream(Content) : new MemoryStream(Content, writable: false);
    }

    private sealed class CutStream(byte[] content) : Stream
    {
        private readonly MemoryStream _content = new(content, writable: false);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _content.Length;
        public override long Position { get => _content.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var left = (Length / 2) - Position;
            if (left <= 0)
            {
                throw new IOException("The remote end closed the stream mid-upload.");
            }
            return _content.Read(buffer, offset, (int)Math.Min(count, left));
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _content.Dispose();
            base.Dispose(disposing);
        }
    }
}
