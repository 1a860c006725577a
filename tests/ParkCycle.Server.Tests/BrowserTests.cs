using System.Net.Http.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace ParkCycle.Server.Tests;

/// <summary>
/// The dashboard in a real headless Chromium (Debian chromium + chromium-driver, installed by tests/run.sh),
/// against the real host served by Kestrel on 127.0.0.1, on its own fake clock (dates relative to it).
/// Screenshots go to TestResults/browser/.
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    // Free ports picked per run, so a concurrent run (another configuration, another checkout) cannot answer for us.
    private static readonly int Port = FreePort();
    private static readonly string Root = FindRoot();
    private readonly string _data = Directory.CreateTempSubdirectory("parkcycle-browser-").FullName;
    private readonly string _base = $"http://127.0.0.1:{Port}";
    private readonly ServerFactory _server = new();

    public Task InitializeAsync()
    {
        _server.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, Port));
        _server.StartServer();
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async Task DisposeAsync()
    {
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

    [Fact]
    public async Task Enterprise_ReportsAByproduct_SeesTheMatch_AndTheAdministratorSeesItWithChartsRendered()
    {
        Assert.True(File.Exists("/usr/bin/chromium") && File.Exists("/usr/bin/chromedriver"), "Debian chromium and chromium-driver are needed (tests/run.sh installs them as root)");
        using (var http = new HttpClient { BaseAddress = new Uri(_base) })
        {
            var token = await (await http.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = ServerFactory.AdminPassword })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("access_token").GetString());
            (await http.PostAsJsonAsync("/api/accounts", new { username = "chp", password = "chp-password", role = "enterprise", enterprise = "ut-chp" })).EnsureSuccessStatusCode();
        }

        var shots = Directory.CreateDirectory(Path.Combine(Root, "TestResults", "browser")).FullName;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,2400", $"--user-data-dir={Path.Combine(_data, "chrome")}");
        using var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        using var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(60));

        driver.Navigate().GoToUrl(_base);
        LogIn(driver, wait, "chp", "chp-password");
        wait.Until(d => d.FindElement(By.Id("offer-form")).Displayed);
        var form = driver.FindElement(By.Id("offer-form"));
        form.FindElement(By.Name("material")).SendKeys("fly-ash");
        form.FindElement(By.Name("quantity")).SendKeys("900");
        ((IJavaScriptExecutor)driver).ExecuteScript($"document.querySelector('#offer-form [name=available_from]').value='{_server.Date(0)}'; document.querySelector('#offer-form [name=available_to]').value='{_server.Date(365)}';");
        driver.FindElement(By.Id("offer-submit")).Click();
        wait.Until(d => d.FindElement(By.Id("offer-result")).Text.StartsWith('✔'));
        var matches = driver.FindElement(By.Id("matches")).FindElements(By.TagName("tr"));
        Assert.True(matches.Count >= 2, "no match row shown");
        Assert.Contains("anonymous", matches[1].Text, StringComparison.Ordinal);
        Assert.Contains("fly-ash", matches[1].Text, StringComparison.Ordinal);
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(shots, "enterprise-offer.png"));

        // A bad report gets its messages in place, by field.
        form.FindElement(By.Name("quantity")).Clear();
        form.FindElement(By.Name("quantity")).SendKeys("-5");
        driver.FindElement(By.Id("offer-submit")).Click();
        wait.Until(d => d.FindElement(By.CssSelector("#offer-form .field-error[data-for=quantity]")).Text.Length > 0);
        Assert.Equal("-5 must be greater than zero", driver.FindElement(By.CssSelector("#offer-form .field-error[data-for=quantity]")).Text);

        driver.FindElement(By.Id("logout")).Click();
        LogIn(driver, wait, "admin", ServerFactory.AdminPassword);
        wait.Until(d => (bool)((IJavaScriptExecutor)d).ExecuteScript(
            "const s = echarts.getInstanceByDom(document.getElementById('sankey')); const f = echarts.getInstanceByDom(document.getElementById('forecast'));" +
            "return !!s && !!f && s.getOption().series[0].links.length > 5 && f.getOption().series.length >= 4;")!);
        var row = wait.Until(d => d.FindElements(By.CssSelector("#enterprises tr")).FirstOrDefault(r => r.Text.StartsWith("ut-chp", StringComparison.Ordinal)));
        row!.Click();
        wait.Until(d => d.FindElements(By.CssSelector("#detail-reports tr")).Any(r => r.Text.Contains("fly-ash", StringComparison.Ordinal) && r.Text.Contains("chp", StringComparison.Ordinal)));
        Assert.Contains(driver.FindElements(By.CssSelector("#kpis tr")), r => r.Text.Contains('%'));
        Assert.Contains("mass in", driver.FindElement(By.Id("detail-balance")).Text, StringComparison.Ordinal);
        // The park re-analyses after its debounce on the host's clock: this server's own clock, so moving it on is safe.
        wait.Until(d =>
        {
            _server.Clock.Advance(TimeSpan.FromSeconds(1));
            return d.FindElement(By.Id("analysis-status")).Text.Contains("analysis up to date", StringComparison.Ordinal);
        });

        // Import a dataset from the dashboard: upload progress, then the server's verdict.
        var upload = Path.Combine(_data, "copy.json");
        using (var http = new HttpClient { BaseAddress = new Uri(_base) })
        {
            var token = await (await http.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = ServerFactory.AdminPassword })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("access_token").GetString());
            var json = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/api/parks/linxiang/dataset?format=json"))!;
            DatasetCopy.AsNewPark(json, "browser-copy");
            await File.WriteAllTextAsync(upload, json.ToJsonString());
        }

        driver.FindElement(By.Id("import-file")).SendKeys(upload);
        driver.FindElement(By.Id("import-submit")).Click();
        wait.Until(d => d.FindElement(By.Id("import-result")).Text.StartsWith('✔'));
        Assert.Contains("browser-copy: 56 enterprises", driver.FindElement(By.Id("import-result")).Text, StringComparison.Ordinal);
        Assert.Equal("100", driver.FindElement(By.Id("import-progress")).GetAttribute("value"));
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(Path.Combine(shots, "administrator.png"));
    }

    private static void LogIn(IWebDriver driver, WebDriverWait wait, string user, string password)
    {
        wait.Until(d => d.FindElement(By.Id("login-form")).Displayed);
        driver.FindElement(By.Id("username")).Clear();
        driver.FindElement(By.Id("username")).SendKeys(user);
        driver.FindElement(By.Id("password")).Clear();
        driver.FindElement(By.Id("password")).SendKeys(password);
        driver.FindElement(By.Id("login-submit")).Click();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ParkCycle.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
