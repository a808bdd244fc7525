using AutoFinance.Web;

var app = WebHost.Build(args);
await app.RunAsync();

/// <summary>The entry point, visible to the tests' host factory.</summary>
public partial class Program;
