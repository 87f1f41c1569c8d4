using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Derrimut.BuildingBlocks.Data;

/// <summary>
/// A compiled async query kept per EF model. EF Core's compiled query binds to the first provider it runs on, so
/// one static instance shared by a SQLite and a PostgreSQL context in the same process (the test suite, the
/// migrator) would run SQLite SQL on PostgreSQL. One compiled delegate per model avoids that at no cost per call.
/// </summary>
public sealed class ModelCompiledQuery<TParam, TResult>(Expression<Func<DerrimutDbContext, TParam, TResult>> query)
{
    private readonly ConcurrentDictionary<IModel, Func<DerrimutDbContext, TParam, Task<TResult>>> _compiled = new();

    /// <summary>Runs the query on <paramref name="db"/>'s provider.</summary>
    public Task<TResult> InvokeAsync(DerrimutDbContext db, TParam parameter) =>
        _compiled.GetOrAdd(db.Model, static (_, q) => EF.CompileAsyncQuery(q), query)(db, parameter);
}
