using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using SQLitePCL;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// Prepared SQLite statements kept on their native connection and handed out again for the same SQL, instead of
/// parsing and planning the text anew on every command. Microsoft.Data.Sqlite prepares each command's text when it
/// runs and finalizes the statements when the command is disposed or its connection closed (EF closes the connection
/// after each query), so a request's reads and a group commit's writes were compiled again every time: about a tenth
/// of a successful payment's processor time, on eight or nine statements each (efcore#14044 tracks doing this in
/// Microsoft.Data.Sqlite itself).
/// <para>
/// It sits under Microsoft.Data.Sqlite, as SQLitePCL's provider: a statement prepared from a span of UTF-8 (as
/// Microsoft.Data.Sqlite and this platform's native writes prepare) is remembered by its connection and text; when
/// its owner finalizes it, it is reset and its bindings cleared and it waits for the next prepare of the same text on
/// the same connection. One in use is never lent twice (a second prepare gets a statement of its own, finalized as
/// usual). Each native connection keeps at most <see cref="Capacity"/> statements, the least recently used going
/// first, and finalizes them all before it closes, so no statement outlives its connection. SQLite recompiles a kept
/// statement by itself when the schema changes under it.
/// </para>
/// </summary>
public static class SqliteStatementReuse
{
    /// <summary>Statements a native connection keeps: the hot paths use a few dozen; each holds a few kilobytes.</summary>
    public const int Capacity = 64;

    /// <summary>SQLITE_PREPARE_PERSISTENT: the statement will be kept and used many times.</summary>
    private const uint PreparePersistent = 1;

    /// <summary>SQLITE_STMTSTATUS_REPREPARE: how many times a statement was compiled again.</summary>
    private const int StatusRecompiled = 5;

    private static readonly ConcurrentDictionary<IntPtr, Kept> Connections = new();
    private static readonly Lock Installing = new();
    private static bool _installed;

    /// <summary>Puts the reuse under every SQLite connection of the process; once is enough, more calls do nothing.</summary>
    public static void Install()
    {
        lock (Installing)
        {
            if (_installed)
            {
                return;
            }

            Batteries_V2.Init();
            var hooks = typeof(SqliteStatementReuse);
            raw.SetProvider(ProviderHooks.Wrap(
                new SQLite3Provider_e_sqlite3(),
                ("sqlite3_prepare_v2", hooks.GetMethod(nameof(Prepare))!),
                ("sqlite3_finalize", hooks.GetMethod(nameof(FinalizeOrKeep))!),
                ("sqlite3_close_v2", hooks.GetMethod(nameof(CloseV2))!),
                ("sqlite3_close", hooks.GetMethod(nameof(Close))!),
                ("sqlite3_create_function", hooks.GetMethod(nameof(CreateFunction))!),
                ("sqlite3_create_function", hooks.GetMethod(nameof(CreateAggregate))!),
                ("sqlite3_create_collation", hooks.GetMethod(nameof(CreateCollation))!)));
            // Microsoft.Data.Sqlite initialises SQLitePCL once more when its first connection is made: this one stays.
            raw.FreezeProvider();
            _installed = true;
        }
    }

    /// <summary>Statements kept on the native connection (for tests and diagnostics).</summary>
    public static int KeptOn(sqlite3 connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!Connections.TryGetValue(connection.DangerousGetHandle(), out var kept))
        {
            return 0;
        }

        lock (kept)
        {
            return kept.Count;
        }
    }

    /// <summary>
    /// How many times SQLite compiled the connection's kept statements again since they were prepared (after a change
    /// of schema, or of a function or collation they might use): for tests and diagnostics.
    /// </summary>
    public static int RecompiledOn(sqlite3 connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!Connections.TryGetValue(connection.DangerousGetHandle(), out var kept))
        {
            return 0;
        }

        lock (kept)
        {
            return kept.Handles.Sum(h => Native.sqlite3_stmt_status(h, StatusRecompiled, 0));
        }
    }

    /// <summary>The provider's prepare from a span: a kept statement of the same text when one is free.</summary>
    public static int Prepare(ISQLite3Provider inner, sqlite3 db, ReadOnlySpan<byte> sql, out IntPtr stmt, out ReadOnlySpan<byte> remain)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(db);
        var kept = Connections.GetOrAdd(db.DangerousGetHandle(), static _ => new Kept());
        bool known;
        lock (kept)
        {
            if (kept.Lend(sql, out known) is { } statement)
            {
                stmt = statement.Handle;
                remain = sql[statement.Consumed..];
                return raw.SQLITE_OK;
            }
        }

        // One to be kept is prepared as long-lived: SQLite then leaves the connection's small fast allocations
        // (lookaside) to the statements that come and go.
        var rc = known ? inner.sqlite3_prepare_v2(db, sql, out stmt, out remain) : inner.sqlite3_prepare_v3(db, sql, PreparePersistent, out stmt, out remain);
        if (rc == raw.SQLITE_OK && stmt != IntPtr.Zero)
        {
            lock (kept)
            {
                foreach (var evicted in kept.Keep(sql, stmt, sql.Length - remain.Length))
                {
                    inner.sqlite3_finalize(evicted);
                }
            }
        }

        return rc;
    }

    /// <summary>The provider's finalize: a kept statement is reset and waits for its next use instead.</summary>
    public static int FinalizeOrKeep(ISQLite3Provider inner, IntPtr stmt)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (stmt != IntPtr.Zero && Connections.TryGetValue(inner.sqlite3_db_handle(stmt), out var kept))
        {
            lock (kept)
            {
                if (kept.Return(stmt))
                {
                    Native.sqlite3_reset(stmt);
                    Native.sqlite3_clear_bindings(stmt);
                    return raw.SQLITE_OK;
                }
            }
        }

        return inner.sqlite3_finalize(stmt);
    }

    /// <summary>The provider's close: the connection's kept statements go first.</summary>
    public static int CloseV2(ISQLite3Provider inner, IntPtr db)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Forget(inner, db);
        return inner.sqlite3_close_v2(db);
    }

    /// <summary>The provider's older close: the connection's kept statements go first.</summary>
    public static int Close(ISQLite3Provider inner, IntPtr db)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Forget(inner, db);
        return inner.sqlite3_close(db);
    }

    /// <summary>
    /// The provider's function registration. Any registration over one of the same name makes SQLite expire every
    /// statement of the connection, to be compiled again at its next step, and Microsoft.Data.Sqlite registers its
    /// connection's functions each time a pooled connection is opened and removes them each time it is closed (EF opens
    /// and closes for each query). EF's own functions (<c>ef_…</c> decimal arithmetic and aggregates, <c>regexp</c>,
    /// the <c>EF_DECIMAL</c> collation) do the same for every context, depending on nothing of it: they are registered
    /// once a native connection and kept until it closes.
    /// </summary>
    public static int CreateFunction(ISQLite3Provider inner, sqlite3 db, byte[] name, int nArg, int flags, object? v, delegate_function_scalar? func)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(db);
        return Registered(db, name, nArg, func is null) ? raw.SQLITE_OK : inner.sqlite3_create_function(db, name, nArg, flags, v, func);
    }

    /// <summary>The provider's aggregate registration, kept as <see cref="CreateFunction"/> keeps EF's functions.</summary>
    public static int CreateAggregate(ISQLite3Provider inner, sqlite3 db, byte[] name, int nArg, int flags, object? v, delegate_function_aggregate_step? func_step, delegate_function_aggregate_final? func_final)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(db);
        return Registered(db, name, nArg, func_step is null) ? raw.SQLITE_OK : inner.sqlite3_create_function(db, name, nArg, flags, v, func_step, func_final);
    }

    /// <summary>The provider's collation registration, kept as <see cref="CreateFunction"/> keeps EF's functions.</summary>
    public static int CreateCollation(ISQLite3Provider inner, sqlite3 db, byte[] name, object? v, delegate_collation? func)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(db);
        return Registered(db, name, -1, func is null) ? raw.SQLITE_OK : inner.sqlite3_create_collation(db, name, v, func);
    }

    /// <summary>
    /// Whether the registration (or removal) is one of EF's that the connection has already: true skips it. A first
    /// registration of one is noted and made.
    /// </summary>
    private static bool Registered(sqlite3 db, byte[] name, int arity, bool removal)
    {
        var text = System.Text.Encoding.UTF8.GetString(name).TrimEnd('\0');
        if (!(text.StartsWith("ef_", StringComparison.Ordinal) || text is "regexp" or "EF_DECIMAL"))
        {
            return false;
        }

        var kept = Connections.GetOrAdd(db.DangerousGetHandle(), static _ => new Kept());
        lock (kept)
        {
            return removal ? kept.Functions.Contains((text, arity)) : !kept.Functions.Add((text, arity));
        }
    }

    /// <summary>Finalizes the connection's free statements; one still in use is finalized by its owner as usual.</summary>
    private static void Forget(ISQLite3Provider inner, IntPtr db)
    {
        if (!Connections.TryRemove(db, out var kept))
        {
            return;
        }

        lock (kept)
        {
            foreach (var statement in kept.Release())
            {
                inner.sqlite3_finalize(statement);
            }
        }
    }

    /// <summary>One native connection's statements by their text. Callers hold its lock.</summary>
    private sealed class Kept
    {
        private readonly Dictionary<byte[], Statement> _byText = new(TextComparer.Instance);
        private readonly Dictionary<IntPtr, Statement> _lent = [];
        private long _clock;

        public int Count => _byText.Count;

        public IEnumerable<IntPtr> Handles => _byText.Values.Select(s => s.Handle);

        /// <summary>EF's functions and collation registered on the connection, by name and number of arguments.</summary>
        public HashSet<(string Name, int Arity)> Functions { get; } = [];

        /// <summary>The text's kept statement if it is free; <paramref name="known"/> whether the text has one at all.</summary>
        public Statement? Lend(ReadOnlySpan<byte> sql, out bool known)
        {
            known = _byText.GetAlternateLookup<ReadOnlySpan<byte>>().TryGetValue(sql, out var statement);
            if (statement is null || statement.Lent)
            {
                return null;
            }

            statement.Lent = true;
            statement.LastUsed = ++_clock;
            _lent[statement.Handle] = statement;
            return statement;
        }

        /// <summary>Keeps a statement just prepared, lent to its preparer; gives back those to finalize to make room.</summary>
        public List<IntPtr> Keep(ReadOnlySpan<byte> sql, IntPtr handle, int consumed)
        {
            List<IntPtr> evicted = [];
            if (_byText.GetAlternateLookup<ReadOnlySpan<byte>>().ContainsKey(sql))
            {
                // The text's kept statement is in use: this one is its preparer's alone.
                return evicted;
            }

            while (_byText.Count >= Capacity && Oldest() is { } oldest)
            {
                _byText.Remove(oldest.Text);
                evicted.Add(oldest.Handle);
            }

            if (_byText.Count >= Capacity)
            {
                return evicted;
            }

            var statement = new Statement(sql.ToArray(), handle, consumed) { Lent = true, LastUsed = ++_clock };
            _byText.Add(statement.Text, statement);
            _lent[handle] = statement;
            return evicted;
        }

        /// <summary>Whether the statement was lent from here (and is now free again).</summary>
        public bool Return(IntPtr handle)
        {
            if (!_lent.Remove(handle, out var statement))
            {
                return false;
            }

            statement.Lent = false;
            return true;
        }

        /// <summary>Empties the connection: the free statements, for the caller to finalize.</summary>
        public List<IntPtr> Release()
        {
            List<IntPtr> free = [.. _byText.Values.Where(s => !s.Lent).Select(s => s.Handle)];
            _byText.Clear();
            _lent.Clear();
            return free;
        }

        private Statement? Oldest()
        {
            Statement? oldest = null;
            foreach (var statement in _byText.Values)
            {
                if (!statement.Lent && (oldest is null || statement.LastUsed < oldest.LastUsed))
                {
                    oldest = statement;
                }
            }

            return oldest;
        }
    }

    private sealed class Statement(byte[] text, IntPtr handle, int consumed)
    {
        public byte[] Text { get; } = text;

        public IntPtr Handle { get; } = handle;

        /// <summary>How many bytes of the text the statement took (the rest is the next statement's).</summary>
        public int Consumed { get; } = consumed;

        public bool Lent { get; set; }

        public long LastUsed { get; set; }
    }

    private sealed class TextComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly TextComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }

    /// <summary>Calls the provider only offers on a statement's safe handle, which would finalize the statement when let go.</summary>
    private static class Native
    {
        [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern int sqlite3_reset(IntPtr stmt);

        [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern int sqlite3_clear_bindings(IntPtr stmt);

        [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern int sqlite3_stmt_status(IntPtr stmt, int op, int resetFlag);
    }
}
