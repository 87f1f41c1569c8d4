using Derrimut.BuildingBlocks;
using Derrimut.BuildingBlocks.Data;
using Derrimut.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Serilog;

// Migrates, then seeds the platform, then each tenant (a few at a time), and exits.
// Usage: dotnet run --project src/Derrimut.DbMigrator [-- --Database:Provider=PostgreSql --ConnectionStrings:Derrimut=...] [--demo]
// The content root is the output folder so its appsettings.json applies from any working directory.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddSerilog(lc => lc.ReadFrom.Configuration(builder.Configuration).WriteTo.Console());
builder.AddDerrimutKernel(DerrimutModules.Create(), DerrimutModules.PrecompiledModels);
using var host = builder.Build();

var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
var includeDemo = args.Contains("--demo") || options.SeedDemoData;
// SQLite has one writer at a time; parallel tenant seeding only pays on a server database.
var parallelism = options.Provider == DatabaseProvider.Sqlite ? 1 : 4;
Console.WriteLine($"Derrimut migrator: {options.Provider}, demo data {(includeDemo ? "on" : "off")}, {parallelism} tenant(s) at a time");
await host.Services.PrepareDatabaseAsync(includeDemo, parallelism);
Console.WriteLine("Done.");
