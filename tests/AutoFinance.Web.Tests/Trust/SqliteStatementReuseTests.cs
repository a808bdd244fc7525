using AutoFinance.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AutoFinance.Web.Tests.Trust;

/// <summary>
/// Statements kept on a SQLite connection and handed out again for the same text: what a command reads and writes is
/// what it would be with a statement of its own, whatever ran on the kept statement before (other values, a failure,
/// a reader left half read, a change of schema), and no statement outlives its connection.
/// </summary>
public sealed class SqliteStatementReuseTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("statement-reuse-").FullName;

    public SqliteStatementReuseTests() => SqliteStatementReuse.Install();

    private string Source => new SqliteConnectionStringBuilder { DataSource = Path.Combine(_directory, "reuse.db") }.ToString();

    [Fact]
    public void A_statement_run_again_after_its_connection_was_reopened_binds_the_new_values()
    {
        Run("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT)");
        for (var i = 1; i <= 3; i++)
        {
            using var connection = Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (id, name, note) VALUES ($id, $name, $note)";
            insert.Parameters.AddWithValue("$id", i);
            insert.Parameters.AddWithValue("$name", $"name {i}");
            insert.Parameters.AddWithValue("$note", i == 2 ? DBNull.Value : $"note {i}");
            Assert.Equal(1, insert.ExecuteNonQuery());
            Assert.True(SqliteStatementReuse.KeptOn(connection.Handle!) >= 1);
        }

        Assert.Equal(["1 name 1 note 1", "2 name 2 -", "3 name 3 note 3"], Rows("SELECT id, name, COALESCE(note, '-') FROM t ORDER BY id"));
    }

    [Fact]
    public void A_statement_whose_last_run_failed_runs_cleanly_the_next_time()
    {
        Run("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        using var connection = Open();
        void Insert(int id)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (id, name) VALUES ($id, 'x')";
            insert.Parameters.AddWithValue("$id", id);
            insert.ExecuteNonQuery();
        }

        Insert(1);
        var failed = Assert.Throws<SqliteException>(() => Insert(1));
        Assert.Equal(19, failed.SqliteErrorCode);
        Insert(2);
        Assert.Equal(["1", "2"], Rows("SELECT id FROM t ORDER BY id"));
    }

    [Fact]
    public void Two_readers_of_the_same_text_open_at_once_each_read_their_own_rows()
    {
        Run("CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1), (2), (3), (4)");
        using var connection = Open();
        using var first = connection.CreateCommand();
        first.CommandText = "SELECT id FROM t WHERE id >= $from ORDER BY id";
        first.Parameters.AddWithValue("$from", 1);
        using var second = connection.CreateCommand();
        second.CommandText = first.CommandText;
        second.Parameters.AddWithValue("$from", 3);

        using var a = first.ExecuteReader();
        Assert.True(a.Read());
        using var b = second.ExecuteReader();
        Assert.True(b.Read());
        Assert.Equal(1, a.GetInt64(0));
        Assert.Equal(3, b.GetInt64(0));
        Assert.True(a.Read());
        Assert.True(b.Read());
        Assert.Equal(2, a.GetInt64(0));
        Assert.Equal(4, b.GetInt64(0));
    }

    [Fact]
    public void A_reader_left_half_read_does_not_hold_its_rows_for_the_next_command()
    {
        Run("CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1), (2), (3)");
        using var connection = Open();
        for (var round = 0; round < 3; round++)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM t ORDER BY id";
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal(1, reader.GetInt64(0));
        }

        // A write from another connection needs no reader to be left open on this one.
        using var other = Open();
        using var delete = other.CreateCommand();
        delete.CommandText = "DELETE FROM t WHERE id = 1";
        Assert.Equal(1, delete.ExecuteNonQuery());
        Assert.Equal(["2", "3"], Rows("SELECT id FROM t ORDER BY id"));
    }

    [Fact]
    public void A_kept_statement_sees_a_column_added_since_it_was_prepared()
    {
        Run("CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (7)");
        Assert.Equal(["7"], Rows("SELECT * FROM t"));
        Run("ALTER TABLE t ADD COLUMN name TEXT NOT NULL DEFAULT 'seven'");
        Assert.Equal(["7 seven"], Rows("SELECT * FROM t"));
    }

    [Theory]
    [InlineData("ef_add", 0)]
    [InlineData("report_add", 1)]
    public void Reopening_a_connection_compiles_its_kept_statements_again_only_for_functions_not_efs(string function, int recompiled)
    {
        Run("CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1)");
        sqlite3 handle;
        using (var connection = Open())
        {
            handle = connection.Handle!;
        }

        for (var round = 0; round < 3; round++)
        {
            // As EF's connections do: a function of the connection object, registered at each open, removed at each close.
            using var connection = new SqliteConnection(Source);
            connection.CreateFunction(function, (long a, long b) => a + b, isDeterministic: true);
            connection.Open();
            Assert.Same(handle, connection.Handle);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM t WHERE id = $id";
            command.Parameters.AddWithValue("$id", 1);
            Assert.Equal(1L, command.ExecuteScalar());
            if (round == 0)
            {
                Assert.Equal(0, SqliteStatementReuse.RecompiledOn(handle));
            }
        }

        Assert.Equal(recompiled == 0, SqliteStatementReuse.RecompiledOn(handle) == 0);
    }

    [Fact]
    public void A_connection_keeps_a_bounded_number_of_statements_and_none_once_closed()
    {
        Run("CREATE TABLE t (id INTEGER PRIMARY KEY)");
        using var connection = Open();
        for (var i = 0; i < SqliteStatementReuse.Capacity * 2; i++)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {i} FROM t";
            command.ExecuteNonQuery();
        }

        var handle = connection.Handle!;
        Assert.Equal(SqliteStatementReuse.Capacity, SqliteStatementReuse.KeptOn(handle));
        connection.Close();
        SqliteConnection.ClearAllPools();
        Assert.Equal(0, SqliteStatementReuse.KeptOn(handle));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(Source);
        connection.Open();
        return connection;
    }

    private void Run(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<string> Rows(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)));
        }

        return rows;
    }
}
