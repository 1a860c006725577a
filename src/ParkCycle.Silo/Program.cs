using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ParkCycle.Grains.Hosting;

// A silo without the web front end: for scale-out nodes and the local cluster script (deploy/).
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo =>
{
    silo.UseParkCycle(builder.Configuration);
    if (builder.Configuration.GetValue<bool>("ParkCycle:Kubernetes"))
    {
        // Pod identity and liveness from the Kubernetes API (deploy/kubernetes; not tested here).
        silo.UseKubernetesHosting();
    }
});
await builder.Build().RunAsync();
