using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace HauGiang.Tracker.Benchmarks.Generation;

/// <summary>
/// Writes entities with PostgreSQL's binary COPY. The table, its columns, their types and value
/// conversions come from the app's EF model, so the rows are what SaveChanges would have written
/// (except the audit trail, which COPY bypasses) and a renamed column fails here, not silently.
/// Keys are written as given: the caller numbers the rows and <see cref="ResetIdentityAsync"/> moves
/// the identity on afterwards.
/// </summary>
internal sealed partial class ModelCopy
{
    private sealed record Column(string Name, string DataType, Type Owner, Func<object, object?> Value);

    private readonly string _table;
    private readonly List<Column> _columns = [];

    private ModelCopy(IEntityType root)
    {
        _table = root.GetTableName()!;
        var store = StoreObjectIdentifier.Table(_table, root.GetSchema());
        foreach (var type in root.GetDerivedTypesInclusive())
        {
            foreach (var property in type.GetDeclaredProperties().Concat(type.GetDeclaredComplexProperties().SelectMany(c => c.ComplexType.GetProperties())))
            {
                if (property.ValueGenerated == ValueGenerated.OnAddOrUpdate)
                {
                    continue; // xmin, the concurrency token: the server's own
                }
                var dataType = Facets().Replace(property.GetColumnType(store), "");
                _columns.Add(new Column(property.GetColumnName(store)!, dataType, type.ClrType, ValueOf(root, property)));
            }
        }
    }

    public static ModelCopy For<T>(DbContext db) => new(db.Model.FindEntityType(typeof(T))!.GetRootType());

    public string Table => _table;

    public async Task<int> WriteAsync(NpgsqlConnection connection, IEnumerable<object> rows, CancellationToken ct)
    {
        var columns = string.Join(", ", _columns.Select(c => $"\"{c.Name}\""));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{_table}\" ({columns}) FROM STDIN (FORMAT BINARY)", ct);
        var count = 0;
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in _columns)
            {
                var value = column.Owner.IsInstanceOfType(row) ? column.Value(row) : null;
                if (value is null)
                {
                    await importer.WriteNullAsync(ct);
                }
                else
                {
                    await importer.WriteAsync(value, column.DataType, ct);
                }
            }
            count++;
        }
        await importer.CompleteAsync(ct);
        return count;
    }

    /// <summary>The next free key of the table (keys are written explicitly, so the identity does not know them).</summary>
    public async Task<long> NextIdAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT coalesce(max(id), 0) + 1 FROM \"{_table}\"", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task ResetIdentityAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT setval(pg_get_serial_sequence('\"{_table}\"', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM \"{_table}\"), false)", connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static Func<object, object?> ValueOf(IEntityType root, IProperty property)
    {
        var converter = property.GetTypeMapping().Converter;
        if (property.IsShadowProperty())
        {
            if (property != root.FindDiscriminatorProperty())
            {
                throw new NotSupportedException($"{root.DisplayName()}.{property.Name} is a shadow property the copy cannot read.");
            }
            var model = root.Model;
            return row => model.FindEntityType(row.GetType())!.GetDiscriminatorValue();
        }
        var getter = property.GetGetter();
        return converter is null
            ? getter.GetClrValueUsingContainingEntity
            : row => getter.GetClrValueUsingContainingEntity(row) is { } value ? converter.ConvertToProvider(value) : null;
    }

    [GeneratedRegex(@"\(.*\)")]
    private static partial Regex Facets();
}
