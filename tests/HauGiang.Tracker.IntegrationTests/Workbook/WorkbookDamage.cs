using CsCheck;
using HauGiang.Tracker.Core.Features.Workbook;
using HauGiang.Tracker.Testing;

namespace HauGiang.Tracker.IntegrationTests.Workbook;

/// <summary>Random damage to an exported workbook, as careless editing and broken files make it: sheets, headers, cells, rows, bytes.</summary>
internal static class WorkbookDamage
{
    public sealed record Damage(int Kind, int A, int B, int C, string Text);

    private static readonly Gen<string> Words = Gen.OneOf(
        Gen.Const(""), Gen.Const(" "), Gen.Const("31/02/2022"), Gen.Const("29/02/2024"), Gen.Const("Quý V/2021"), Gen.Const("Quý III/2021"),
        Gen.Const("=1+1"), Gen.Const("NV-01"), Gen.Const("VB-02"), Gen.Const("SNV"), Gen.Const("Đã bỏ"), Gen.Const("Sở, ban, ngành"), Gen.Const("-5"),
        Gen.Const("1e400"), Gen.Const(new string('ệ', 5000)), Gen.Const("Thường xuyên"), Gen.Const("hằng năm"), Gen.Const("NV 01"),
        Gen.String[Gen.Char["aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạ0123456789 ;/-"], 0, 30]);

    private static readonly Gen<Damage> OneDamage =
        Gen.Select(Gen.Int[0, 15], Gen.Int[0, 20_000], Gen.Int[0, 80], Gen.Int[0, 20], Words, (kind, a, b, c, text) => new Damage(kind, a, b, c, text));

    public static readonly Gen<Damage[]> Damages = OneDamage.Array[1, 4];

    private static string SheetName(string text) => text[..Math.Min(text.Length, 31)].Replace('/', '-').Trim();

    public static byte[] Apply(byte[] exported, Damage[] damages)
    {
        byte[] bytes;
        using (var edit = new WorkbookEditor(exported))
        {
            foreach (var d in damages.Where(d => d.Kind is < 9 or > 11))
            {
                var sheets = edit.SheetNames;
                if (sheets.Count == 0)
                {
                    break;
                }
                var sheet = sheets[d.A % sheets.Count];
                var numbers = edit.RowNumbers(sheet);
                var rows = numbers.Count;
                var row = rows == 0 ? 0 : numbers[d.B % rows];
                var columns = Math.Max(edit.ColumnCount(sheet), 1);
                switch (d.Kind)
                {
                    case 0:
                        edit.RemoveSheet(sheet);
                        break;
                    case 1 when SheetName(d.Text) is { Length: > 0 } name && !sheets.Contains(name):
                        edit.RenameSheet(sheet, name);
                        break;
                    case 2 when rows > 0:
                        edit.SetAt(sheet, 1, d.C % columns, d.Text);
                        break;
                    case 3 when row > 0:
                        edit.SetAt(sheet, row, d.C % (columns + 1), d.Text);
                        break;
                    case 4 when row > 0:
                        edit.SetAt(sheet, row, d.C % columns, null, (d.A % 2 == 0 ? 1 : -1) * d.A * 1.5);
                        break;
                    case 5 when row > 1:
                        edit.SetAt(sheet, row, d.C % columns, null);
                        break;
                    case 6 when row > 1:
                        edit.DuplicateRow(sheet, row);
                        break;
                    case 7 when row > 1:
                        edit.DeleteRow(sheet, row);
                        break;
                    case > 11 when Copy(edit, d):
                        break;
                    case 8 when sheets.Contains("Nhiệm vụ") && edit.RowCount("Nhiệm vụ") > 2:
                        var taskRows = edit.RowNumbers("Nhiệm vụ").Skip(1).ToList();
                        var child = taskRows[d.B % taskRows.Count];
                        var parent = taskRows[d.C % taskRows.Count];
                        try
                        {
                            var code = edit.Get("Nhiệm vụ", parent, WorkbookLayout.Code);
                            edit.Set("Nhiệm vụ", child, WorkbookLayout.Parent, code);
                        }
                        catch (ArgumentException)
                        {
                            // An earlier damage renamed the column this one aims at.
                        }
                        break;
                }
            }
            bytes = edit.Save();
        }
        foreach (var d in damages.Where(d => d.Kind >= 9))
        {
            if (d.Kind == 9 && bytes.Length > 0)
            {
                bytes = [.. bytes];
                bytes[d.A % bytes.Length] ^= (byte)(1 + (d.B % 255));
            }
            else if (d.Kind == 10)
            {
                bytes = bytes[..(d.A % (bytes.Length + 1))];
            }
            else if (d.Kind == 11)
            {
                bytes = [.. bytes, .. System.Text.Encoding.UTF8.GetBytes(d.Text)];
            }
        }
        return bytes;
    }

    /// <summary>
    /// The edit a person most often makes, and the one most often valid: a cell of a data sheet takes the value its
    /// column has in another row (another deadline, parent, group, lead unit, title …). The code column is left alone.
    /// </summary>
    private static bool Copy(WorkbookEditor edit, Damage d)
    {
        var sheets = edit.SheetNames.Where(s => s is not WorkbookLayout.GuideSheet and not WorkbookLayout.ListsSheet).ToList();
        if (sheets.Count == 0)
        {
            return false;
        }
        var sheet = sheets[d.A % sheets.Count];
        var rows = edit.RowNumbers(sheet).Skip(1).ToList();
        var columns = edit.ColumnCount(sheet);
        if (rows.Count < 2 || columns < 2)
        {
            return false;
        }
        var to = d.B % rows.Count;
        var from = (to + 1 + (d.A % (rows.Count - 1))) % rows.Count;
        edit.CopyCell(sheet, rows[from], rows[to], 1 + (d.C % (columns - 1)));
        return true;
    }

    public static string Describe(Damage[] damages) =>
        string.Join(" | ", damages.Select(x => $"{x.Kind}:{x.A}:{x.B}:{x.C}:{(x.Text.Length > 20 ? x.Text[..20] + "…" : x.Text)}"));
}
