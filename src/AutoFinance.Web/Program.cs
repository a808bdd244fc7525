using AutoFinance.Web;

var app = WebHost.Build(args);
app.Run();
