using Microsoft.Extensions.Hosting;
using ParkCycle.Grains;

// A silo without the web front end: for scale-out nodes and the local cluster script (deploy/).
var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.UseParkCycle(builder.Configuration));
await builder.Build().RunAsync();
