using Orleans.Dashboard;
using ParkCycle.Server;
using ParkCycle.Server.Api;
using ParkCycle.Server.Security;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddParkCycleSilo()
    .AddParkCycleSecurity()
    .AddParkCycleObservability()
    .AddParkCycleApi();

var app = builder.Build();
app.UseParkCycleSecurityHeaders();
app.UseParkCycleMetricsGuard();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseParkCycleAntiforgery();
app.UseAuthorization();
app.UseRateLimiter();
app.UseParkCycleAudit();
app.UseParkCycleRequestGuard();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapPrometheusScrapingEndpoint("/metrics");
app.MapHealthChecks("/health/live", new() { Predicate = _ => false }); // the process answers
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }); // and so does the silo
app.MapParkCycleApi();
app.MapDashboardApi();
app.MapOrleansDashboard("/orleans").RequireAuthorization(p => p.RequireRole(ParkCycle.Server.Security.Roles.Administrator));

app.Lifetime.ApplicationStarted.Register(() =>
{
    foreach (var url in app.Urls)
    {
        Console.WriteLine($"ParkCycle is running: dashboard {url}/  API docs {url}/scalar/v1");
    }

    Console.WriteLine($"Log in as '{app.Configuration["ParkCycle:Admin:Username"] ?? "admin"}' with the bootstrap password (ParkCycle:Admin:Password; default 'parkcycle-admin' — change it).");
});
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
