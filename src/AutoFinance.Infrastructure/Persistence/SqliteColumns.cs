using System.Buffers.Text;
using System.Globalization;
using System.Text;
using SQLitePCL;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// Reads a stepped native statement's columns as Microsoft.Data.Sqlite and the model's converters read them (a Guid
/// and a date from their text, an amount from its scaled integer), without a data reader: a hand-read query of many
/// rows then costs one native call a column and no boxing.
/// </summary>
internal static class SqliteColumns
{
    public static bool IsNull(sqlite3_stmt statement, int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

    public static long Int64(sqlite3_stmt statement, int column) => raw.sqlite3_column_int64(statement, column);

    public static int Int32(sqlite3_stmt statement, int column) => (int)raw.sqlite3_column_int64(statement, column);

    public static bool Boolean(sqlite3_stmt statement, int column) => raw.sqlite3_column_int64(statement, column) != 0;

    public static string Text(sqlite3_stmt statement, int column) => Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, column));

    /// <summary>An amount stored as an integer of <paramref name="scale"/> decimal places (<see cref="ScaledDecimalConverter"/>).</summary>
    public static decimal Scaled(sqlite3_stmt statement, int column, int scale) => ScaledDecimalConverter.FromScaled(raw.sqlite3_column_int64(statement, column), scale);

    /// <summary>A Guid stored as its text (read as <c>new Guid(text)</c> would).</summary>
    public static Guid Guid(sqlite3_stmt statement, int column)
    {
        var text = raw.sqlite3_column_blob(statement, column);
        return Utf8Parser.TryParse(text, out Guid value, out var used, 'D') && used == text.Length
            ? value
            : new Guid(Encoding.UTF8.GetString(text));
    }

    /// <summary>A date stored as its ISO text (read as <c>DateOnly.Parse(text, CultureInfo.InvariantCulture)</c> would).</summary>
    public static DateOnly Date(sqlite3_stmt statement, int column)
    {
        var text = raw.sqlite3_column_blob(statement, column);
        if (text.Length == 10 && text[4] == '-' && text[7] == '-' && Digits(text[..4]) is var year and >= 1
            && Digits(text[5..7]) is var month and >= 1 and <= 12 && Digits(text[8..]) is var day and >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, day);
        }

        return DateOnly.Parse(Encoding.UTF8.GetString(text), CultureInfo.InvariantCulture);
    }

    /// <summary>The number the ASCII digits spell, or -1 when one is not a digit.</summary>
    private static int Digits(ReadOnlySpan<byte> text)
    {
        var value = 0;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }

    /// <summary>
    /// A Guid bound as Microsoft.Data.Sqlite binds it to a text column (<c>ToString().ToUpperInvariant()</c>), written
    /// as UTF-8 on the stack: the strings and the UTF-8 copy it made were most of what a bulk insert allocated.
    /// </summary>
    public static int BindGuid(sqlite3_stmt statement, int index, Guid value)
    {
        Span<byte> text = stackalloc byte[36];
        if (!value.TryFormat(text, out var written, "D") || written != text.Length)
        {
            return raw.sqlite3_bind_text(statement, index, value.ToString().ToUpperInvariant());
        }

        foreach (ref var c in text)
        {
            if (c is >= (byte)'a' and <= (byte)'f')
            {
                c = (byte)(c - 'a' + 'A');
            }
        }

        return raw.sqlite3_bind_text(statement, index, text);
    }

    /// <summary>A date bound as Microsoft.Data.Sqlite binds it to a text column, written as UTF-8 on the stack.</summary>
    public static int BindDate(sqlite3_stmt statement, int index, DateOnly value)
    {
        Span<byte> text = stackalloc byte[16];
        return value.TryFormat(text, out var written, @"yyyy\-MM\-dd", CultureInfo.InvariantCulture)
            ? raw.sqlite3_bind_text(statement, index, text[..written])
            : raw.sqlite3_bind_text(statement, index, value.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Text bound as its UTF-8 bytes (as the string overload binds it), encoded on the stack when short. Empty text goes
    /// through the string overload: an empty span is bound as a null pointer, which SQLite stores as NULL.
    /// </summary>
    public static int BindText(sqlite3_stmt statement, int index, string value)
    {
        if (value.Length is 0 or > 128)
        {
            return raw.sqlite3_bind_text(statement, index, value);
        }

        Span<byte> text = stackalloc byte[128 * 3];
        return raw.sqlite3_bind_text(statement, index, text[..Encoding.UTF8.GetBytes(value, text)]);
    }
}
