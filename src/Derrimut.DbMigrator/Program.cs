using Derrimut.BuildingBlocks;
using Derrimut.BuildingBlocks.Data;
using Derrimut.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

// Migrates, then seeds the platform, then each tenant (a few at a time), and exits.
// Usage: dotnet run --project src/Derrimut.DbMigrator [-- --Database:Provider=PostgreSql --ConnectionStrings:Derrimut=...] [--demo]
// The content root is the output folder so its appsettings.json applies from any working directory.
// `--demo` is a switch, not a setting: the configuration's command-line reader would take the argument after it as its
// value (so `--demo --Database:Provider=PostgreSql` silently seeded SQLite), so it is taken out before the settings are read.
var demoSwitch = args.Contains("--demo");
var settings = args.Where(a => a != "--demo").ToArray();
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = settings, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddSerilog(lc => lc
    .ReadFrom.Configuration(builder.Configuration)
    .WriteTo.Console());
// The migrator composes every module, so their web-only services are registered too (the authorisation policy cache
// wants the endpoints, the shop's image store the web root). It never resolves them and is no web host, so Development's
// check that every registration can be built would refuse to start on services this process never uses; scopes are
// still checked there.
builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions
{
    ValidateOnBuild = false,
    ValidateScopes = builder.Environment.IsDevelopment(),
}));
builder.AddDerrimutKernel(DerrimutModules.Create(), DerrimutModules.PrecompiledModels);
using var host = builder.Build();

var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
var includeDemo = demoSwitch || options.SeedDemoData;
// SQLite has one writer at a time; parallel tenant seeding only pays on a server database.
var parallelism = options.Provider == DatabaseProvider.Sqlite ? 1 : 4;
Console.WriteLine($"Derrimut migrator: {options.Provider}, demo data {(includeDemo ? "on" : "off")}, {parallelism} tenant(s) at a time");
await host.Services.PrepareDatabaseAsync(includeDemo, parallelism);
Console.WriteLine("Done.");
