using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// A query compiled with <c>EF.CompileAsyncQuery</c>, which skips building, funcletizing and looking up the LINQ
/// tree on every call. EF binds a compiled query to the first model it runs against and refuses any other, so one is
/// compiled for each model the process meets (SQLite's and PostgreSQL's contexts side by side, as the tests run them).
/// </summary>
public sealed class PerModel<TQuery>
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];
    private readonly ConditionalWeakTable<IModel, TQuery>.CreateValueCallback _compile;

    public PerModel(Func<TQuery> compile)
    {
        ArgumentNullException.ThrowIfNull(compile);
        _compile = _ => compile();
    }

    /// <summary>The query compiled for the context's model.</summary>
    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _compiled.GetValue(db.Model, _compile);
    }
}
