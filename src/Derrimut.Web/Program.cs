using Derrimut.Hosting;
using Derrimut.Web;
using Derrimut.Web.Lifecycle;

// First, so a second core maps the node's code in while this thread builds the host (decision 0095).
ImagePrefetch.Start();

var builder = WebApplication.CreateBuilder(args);
builder.AddDerrimutWeb(DerrimutModules.Create());

var app = builder.Build();
app.UseDerrimutWeb();
await app.PrepareOnStartupAsync();
await app.RunAsync();

/// <summary>The web host's entry point (public for WebApplicationFactory in tests).</summary>
public partial class Program;
