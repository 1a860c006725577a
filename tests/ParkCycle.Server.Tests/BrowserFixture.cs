using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace ParkCycle.Server.Tests;

/// <summary>
/// One real host (Kestrel on 127.0.0.1, fake clock) and one headless Chromium (Debian chromium + chromium-driver, installed by
/// tests/run.sh) shared by the browser tests. Chromium resolves no host but 127.0.0.1, so a page that tried to load
/// anything from outside the server would fail visibly. Screenshots go to TestResults/browser/.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string Root = RepositoryPaths.Root;
    private readonly string _data = Directory.CreateTempSubdirectory("parkcycle-browser-").FullName;
    private readonly ServerFactory _server = new();
    private readonly int _port = FreePort();
    private ChromeDriverService? _service;

    public const string AdminPassword = ServerFactory.AdminPassword;

    public BrowserFixture() => BaseUrl = $"http://127.0.0.1:{_port}";

    public string BaseUrl { get; }

    public string Data => _data;

    /// <summary>The host, on its own fake clock.</summary>
    public ServerFactory Server => _server;

    public string Shots { get; } = Directory.CreateDirectory(Path.Combine(Root, "TestResults", "browser")).FullName;

    /// <summary>The server's today (its fake clock), so no test carries a literal date that one day passes.</summary>
    public DateOnly ServerToday => DateOnly.FromDateTime(_server.Clock.GetUtcNow().UtcDateTime);

    public ChromeDriver Driver { get; private set; } = null!;

    public WebDriverWait Wait { get; private set; } = null!;

    public Task InitializeAsync()
    {
        // The real host served by Kestrel on loopback (the browser needs a socket), with the test host's fake clock.
        _server.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, _port));
        _server.StartServer();
        Assert.True(File.Exists("/usr/bin/chromium") && File.Exists("/usr/bin/chromedriver"), "Debian chromium and chromium-driver are needed (tests/run.sh installs them as root)");
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1366,768", "--lang=zh-CN",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1", $"--user-data-dir={Path.Combine(_data, "chrome")}");
        _service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        _service.SuppressInitialDiagnosticInformation = true;
        Driver = new ChromeDriver(_service, options, TimeSpan.FromSeconds(90));
        Wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(60));
        return Task.CompletedTask;
    }

    /// <summary>Waits for the page to say the analysis is current, moving the host's clock past the re-analysis delay.</summary>
    public void WaitForCurrentAnalysis() => Wait.Until(d =>
    {
        _server.Clock.Advance(TimeSpan.FromSeconds(1));
        return d.FindElement(By.Id("analysis-status")).GetAttribute("data-state") == "current";
    });

    /// <summary>An HTTP client signed in as the administrator.</summary>
    public async Task<HttpClient> AdminAsync()
    {
        var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var token = await (await http.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = AdminPassword })).Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("access_token").GetString());
        return http;
    }

    /// <summary>Opens the dashboard signed out (in Chinese, the default), then signs in.</summary>
    public void LogIn(string user, string password)
    {
        Driver.Navigate().GoToUrl(BaseUrl + "/");
        Script("sessionStorage.clear(); localStorage.clear();");
        Driver.Navigate().GoToUrl(BaseUrl + "/");
        Wait.Until(d => d.FindElement(By.Id("login-form")).Displayed);
        Driver.FindElement(By.Id("username")).Clear();
        Driver.FindElement(By.Id("username")).SendKeys(user);
        Driver.FindElement(By.Id("password")).Clear();
        Driver.FindElement(By.Id("password")).SendKeys(password);
        Driver.FindElement(By.Id("login-submit")).Click();
        Wait.Until(d => d.FindElement(By.Id("nav")).Displayed);
    }

    /// <summary>Goes to a view by its navigation link, as a person would.</summary>
    public void Open(string view)
    {
        Driver.FindElement(By.Id("nav-" + view)).Click();
        Wait.Until(d => d.FindElement(By.Id("view-" + view)).Displayed);
    }

    public object? Script(string script, params object[] args) => ((IJavaScriptExecutor)Driver).ExecuteScript(script, args);

    /// <summary>A screenshot of the page once its charts have stopped animating (ECharts draws a Sankey in over a second).</summary>
    public void Shot(string name)
    {
        WaitForCharts();
        Driver.GetScreenshot().SaveAsFile(Path.Combine(Shots, name + ".png"));
    }

    /// <summary>Waits until every chart on screen has finished its animation (zrender's animation queue is empty).</summary>
    public void WaitForCharts() => new WebDriverWait(Driver, TimeSpan.FromSeconds(20)).Until(d => (bool)Script(
        "return typeof echarts === 'undefined' || [...document.querySelectorAll('.chart')].filter(n => n.offsetParent)" +
        ".every(n => { const c = echarts.getInstanceByDom(n); return !c || c.getZr().animation.isFinished(); });")!);

    public async Task DisposeAsync()
    {
        Driver?.Quit();
        Driver?.Dispose();
        _service?.Dispose();
        await _server.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // temp files left behind are harmless
        }
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
