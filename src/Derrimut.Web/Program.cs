using Derrimut.Hosting;
using Derrimut.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddDerrimutWeb(DerrimutModules.Create());

var app = builder.Build();
app.UseDerrimutWeb();
await app.PrepareOnStartupAsync();
await app.RunAsync();

/// <summary>The web host's entry point (public for WebApplicationFactory in tests).</summary>
public partial class Program;
