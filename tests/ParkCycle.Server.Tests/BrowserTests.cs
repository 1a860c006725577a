using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace ParkCycle.Server.Tests;

/// <summary>
/// The dashboard in a real headless Chromium against the real server process, per role and view: an enterprise
/// reports by material name, the administrator reads Chinese and then English, flows show loops, the map needs no
/// network, hostile names stay text, and a second park appears with its own analysis.
/// </summary>
public sealed partial class BrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private IWebDriver Driver => browser.Driver;

    private WebDriverWait Wait => browser.Wait;

    [Fact]
    public async Task Enterprise_FindsFlyAshByTypingItsChineseName_Reports5000Tonnes_AndSeesOnlyItsOwnPages()
    {
        using (var http = await browser.AdminAsync())
        {
            (await http.PostAsJsonAsync("/api/accounts", new { username = "chp", password = "chp-password", role = "enterprise", enterprise = "ut-chp" })).EnsureSuccessStatusCode();
        }

        browser.LogIn("chp", "chp-password");
        var links = Driver.FindElements(By.CssSelector("#nav-list a")).Select(a => a.GetAttribute("href")!.Split('#')[1]).ToList();
        Assert.Equal(["reporting", "mine"], links);
        Driver.Navigate().GoToUrl(browser.BaseUrl + "/#overview");
        Wait.Until(d => d.FindElement(By.Id("view-reporting")).Displayed);
        Assert.False(Driver.FindElement(By.Id("view-overview")).Displayed, "an enterprise account reached the park overview");

        var form = Driver.FindElement(By.Id("offer-form"));
        var search = form.FindElement(By.Id("offer-material"));
        search.SendKeys("粉煤灰");
        var option = Wait.Until(d => d.FindElements(By.CssSelector("#offer-material-list .option")).FirstOrDefault(o => o.Displayed && o.Text.Contains("粉煤灰", StringComparison.Ordinal)));
        Assert.Contains("fly-ash", option!.Text, StringComparison.Ordinal);
        Assert.Contains("吨", option.Text, StringComparison.Ordinal);
        browser.Shot("enterprise-picker");
        search.SendKeys(Keys.Enter);
        Assert.Equal("fly-ash", form.FindElement(By.CssSelector("input[name=material]")).GetAttribute("value"));
        var unit = form.FindElement(By.CssSelector("#offer-unit option:checked"));
        Assert.Equal("t", unit.GetAttribute("value"));
        Assert.StartsWith("吨", unit.Text, StringComparison.Ordinal);

        form.FindElement(By.Id("offer-quantity")).SendKeys("5,000");
        SetDate("offer-from", browser.ServerToday);
        SetDate("offer-to", browser.ServerToday.AddYears(1));
        Driver.FindElement(By.Id("offer-submit")).Click();
        Wait.Until(d => d.FindElement(By.Id("offer-result")).Text.StartsWith('✔'));
        Assert.Contains("已提交", Driver.FindElement(By.Id("offer-result")).Text, StringComparison.Ordinal);
        var matches = Driver.FindElements(By.CssSelector("#matches tbody tr"));
        Assert.NotEmpty(matches);
        Assert.Contains("匿名", matches[0].Text, StringComparison.Ordinal);
        Assert.Contains("粉煤灰", matches[0].Text, StringComparison.Ordinal);
        browser.Shot("enterprise-offer");

        // What was stored is 5,000 t of fly-ash.
        using (var http = await browser.AdminAsync())
        {
            var reports = await http.GetFromJsonAsync<JsonObject>("/api/enterprises/ut-chp/reports");
            var offers = reports!["items"]!.AsArray().Select(r => r!["offer"]).OfType<JsonNode>().ToList();
            Assert.Contains(offers, o => o["material_id"]!.GetValue<string>() == "fly-ash" && o["quantity"]!.GetValue<decimal>() == 5000m && o["unit"]!.GetValue<string>() == "t");
        }

        // A bad report gets its messages in place, by field, in Chinese.
        form.FindElement(By.Id("offer-quantity")).Clear();
        form.FindElement(By.Id("offer-quantity")).SendKeys("-5");
        Driver.FindElement(By.Id("offer-submit")).Click();
        var error = Wait.Until(d => d.FindElement(By.CssSelector("#offer-form .field-error[data-for=quantity]")).Text is { Length: > 0 } text ? text : null);
        Assert.Contains("必须大于零", error, StringComparison.Ordinal);

        // A name nobody knows is refused before it is sent, in Chinese.
        search.Clear();
        search.SendKeys("不存在的物料");
        form.FindElement(By.Id("offer-quantity")).Clear();
        form.FindElement(By.Id("offer-quantity")).SendKeys("10");
        Driver.FindElement(By.Id("offer-submit")).Click();
        Assert.Contains("未知物料", Wait.Until(d => d.FindElement(By.CssSelector("#offer-form .field-error[data-for=material]")).Text is { Length: > 0 } m ? m : null), StringComparison.Ordinal);
        browser.Shot("enterprise-errors");

        browser.Open("mine");
        Wait.Until(d => d.FindElements(By.CssSelector("#my-reports tbody tr")).Any(r => r.Text.Contains("粉煤灰", StringComparison.Ordinal) && r.Text.Contains("5,000", StringComparison.Ordinal)));
        browser.Shot("enterprise-mine");
    }

    [Fact]
    public void Administrator_ReadsEveryViewInChinese_ThenInEnglishAfterTheSwitch()
    {
        browser.LogIn("admin", BrowserFixture.AdminPassword);
        Wait.Until(d => d.FindElements(By.CssSelector("#kpis tbody tr")).Count > 0);
        var kpis = Driver.FindElement(By.Id("kpis")).Text;
        Assert.Contains("未达标", kpis, StringComparison.Ordinal);
        Assert.Contains("工业固体废物综合利用率", kpis, StringComparison.Ordinal);
        Assert.DoesNotContain("not met", kpis, StringComparison.Ordinal);
        // The KPI trend: the seed's analysis at start-up is its first point, drawn with the first KPI that has a target.
        Wait.Until(d => d.FindElements(By.CssSelector("#kpi-history-pick option")).Count > 0);
        Assert.True(Driver.FindElement(By.Id("kpi-history")).Displayed, "the KPI trend chart is hidden");
        Assert.Equal("工业固体废物综合利用率", browser.Script("const s = document.getElementById('kpi-history-pick'); return s.options[s.selectedIndex].text;"));
        Assert.Contains("虚线为目标值与期限", Driver.FindElement(By.Id("kpi-history-note")).Text, StringComparison.Ordinal);
        browser.Script("document.getElementById('kpi-history').scrollIntoView();");
        browser.Shot("admin-kpi-history");
        // A KPI with a due date (the plan's 2025 goals) draws it as a second dashed line.
        browser.Script("const s = document.getElementById('kpi-history-pick'); s.value = 'non-fossil-share'; s.dispatchEvent(new Event('change'));");
        Wait.Until(d => !d.FindElement(By.Id("kpi-history-note")).Text.Contains("来源未规定期限", StringComparison.Ordinal));
        browser.Shot("admin-kpi-history-due");
        browser.Script("window.scrollTo(0, 0);");
        browser.WaitForCurrentAnalysis();
        Assert.Contains("分析为最新", Driver.FindElement(By.Id("analysis-status")).Text, StringComparison.Ordinal);
        browser.Shot("admin-overview");

        browser.Open("gaps");
        var gaps = Wait.Until(d => d.FindElements(By.CssSelector("#gaps .reasoning")).FirstOrDefault()?.Text);
        Assert.StartsWith("建议引进「", gaps, StringComparison.Ordinal);
        Assert.DoesNotContain("Recruit", gaps, StringComparison.Ordinal);
        // Enterprises by name, not by id (ids such as ut-chp stay in the details).
        Assert.DoesNotMatch(IdLike(), gaps!);
        var visible = string.Join("\n", Driver.FindElements(By.CssSelector("#gaps .reasoning, #gaps h3, #gaps .meta")).Select(e => e.Text));
        var han = visible.Count(c => c is >= '\u4e00' and <= '\u9fff');
        var latinWords = LatinWord().Matches(visible).Count;
        Assert.True(han > 10 * latinWords, $"the chain-gap cards read {han} Chinese characters against {latinWords} Latin words");
        browser.Shot("admin-gaps");

        browser.Open("plan");
        Assert.Contains("最优方案", Wait.Until(d => d.FindElement(By.Id("plan-summary")).Text), StringComparison.Ordinal);
        Assert.Contains("供方", Driver.FindElement(By.CssSelector("#opportunities thead")).Text, StringComparison.Ordinal);
        var firstRow = Driver.FindElement(By.CssSelector("#opportunities tbody tr"));
        Assert.DoesNotMatch(IdLike(), firstRow.FindElements(By.TagName("td"))[0].Text);
        Assert.Matches(IdLike(), firstRow.FindElements(By.TagName("td"))[0].GetAttribute("title")!);
        // Filter by material (its Chinese name), then sort by CO2e.
        Driver.FindElement(By.Id("plan-material")).SendKeys("粉煤灰");
        Wait.Until(d => d.FindElements(By.CssSelector("#opportunities tbody tr")).All(r => r.Text.Contains("粉煤灰", StringComparison.Ordinal)));
        browser.Shot("admin-plan");
        // Filter by exchange kind over all opportunities: only recovery within one enterprise remains, named in Chinese.
        Driver.FindElement(By.Id("plan-material")).Clear();
        Choose("plan-set", "all");
        var all = Driver.FindElements(By.CssSelector("#opportunities tbody tr")).Count;
        Assert.Contains("self-recovery", (string)browser.Script("return [...document.getElementById('plan-exchange').options].map(o => o.value).join(',');")!, StringComparison.Ordinal);
        Choose("plan-exchange", "self-recovery");
        var heatRows = Driver.FindElements(By.CssSelector("#opportunities tbody tr"));
        Assert.InRange(heatRows.Count, 1, all - 1);
        Assert.All(heatRows, r => Assert.Equal("企业内部回收", r.FindElements(By.TagName("td"))[2].Text));
        Assert.Contains($"共 {heatRows.Count} 条", Driver.FindElement(By.Id("plan-count")).Text, StringComparison.Ordinal);
        browser.Shot("admin-plan-self-recovery");
        Choose("plan-exchange", "");
        Choose("plan-set", "plan");

        foreach (var view in new[] { "flows", "map", "progress", "heat", "data", "enterprises", "report" })
        {
            browser.Open(view);
            Wait.Until(d => (bool)browser.Script("return document.readyState === 'complete'")!);
            browser.Shot("admin-" + view);
        }

        Assert.Contains("园区循环化月报", Driver.FindElement(By.Id("monthly-report")).Text, StringComparison.Ordinal);
        browser.Open("heat");
        Assert.Contains("最小热公用工程", Wait.Until(d => d.FindElement(By.Id("heat-status")).Text is { Length: > 0 } h ? h : null), StringComparison.Ordinal);
        Assert.True((bool)browser.Script("const c = echarts.getInstanceByDom(document.getElementById('heat-chart')); return !!c && c.getOption().series.length === 2 && c.getOption().series.every(s => s.data.length > 1);")!, "composite curves not drawn");
        browser.Shot("admin-heat");

        Driver.FindElement(By.Id("lang")).Click();
        Wait.Until(d => d.FindElement(By.Id("nav-overview")).Text == "Overview");
        browser.Open("report");
        Assert.Contains("Monthly circular-economy report", Wait.Until(d => d.FindElement(By.Id("monthly-report")).Text is { Length: > 0 } r ? r : null), StringComparison.Ordinal);
        browser.Open("overview");
        var english = Wait.Until(d => d.FindElement(By.Id("kpis")).Text);
        Assert.Contains("not met", english, StringComparison.Ordinal);
        Assert.Contains("industrial solid-waste comprehensive utilisation rate", english, StringComparison.Ordinal);
        browser.Open("gaps");
        Assert.StartsWith("Recruit \"", Wait.Until(d => d.FindElements(By.CssSelector("#gaps .reasoning")).FirstOrDefault()?.Text), StringComparison.Ordinal);
        browser.Shot("admin-gaps-en");
        Driver.FindElement(By.Id("lang")).Click();
        Wait.Until(d => d.FindElement(By.Id("nav-overview")).Text == "总览");

        // Tablet width: the navigation wraps and the page still has no horizontal scroll.
        Driver.Manage().Window.Size = new System.Drawing.Size(820, 1180);
        browser.Open("overview");
        browser.Shot("admin-overview-tablet");
        Assert.True((bool)browser.Script("return document.documentElement.scrollWidth <= window.innerWidth + 1")!, "the overview scrolls sideways at tablet width");
        Driver.Manage().Window.Size = new System.Drawing.Size(1366, 768);
    }

    [Fact]
    public async Task FlowView_DrawsTheParksLoops_ForMassEnergyAndWater_AndAClickedNodeOpensThatEnterprisesPage()
    {
        browser.LogIn("admin", BrowserFixture.AdminPassword);
        browser.Open("flows");
        Choose("flow-group", "enterprise");
        Choose("flow-kind", "loops");
        // The Sankey holds the acyclic part; the links that close loops are drawn over it as arcs.
        var drawn = false;
        for (var i = 0; i < 60 && !drawn; i++)
        {
            drawn = (bool)browser.Script(
                "const c = echarts.getInstanceByDom(document.getElementById('sankey')); if (!c) return false;" +
                "const o = c.getOption(); return (o.series?.[0]?.links?.length ?? 0) > 10 && (o.graphic?.[0]?.elements ?? []).filter(e => String(e.id).startsWith('loop-')).length > 0;")!;
            Thread.Sleep(drawn ? 0 : 500);
        }

        Assert.True(drawn, "no loop arc drawn: " + browser.Script(
            "const c = echarts.getInstanceByDom(document.getElementById('sankey')); const s = c?.getModel()?.getSeriesByIndex(0);" +
            "return JSON.stringify({ loops: document.getElementById('sankey').dataset.loops, links: c?.getOption().series[0]?.links.length, graphic: c?.getOption().graphic, layout: s?.layoutInfo, item: s?.getData().getItemLayout(0) });"));
        Assert.True(int.Parse(Driver.FindElement(By.Id("sankey")).GetAttribute("data-loops")!, CultureInfo.InvariantCulture) > 0);
        var loops = Driver.FindElements(By.CssSelector("#flow-loops li"));
        Assert.NotEmpty(loops);
        Assert.Contains("→", loops[0].Text, StringComparison.Ordinal);
        Assert.DoesNotMatch(IdLike(), loops[0].Text);
        browser.Shot("admin-flows-loops");

        foreach (var kind in new[] { "mass", "energy", "water" })
        {
            Choose("flow-kind", kind);
            Wait.Until(d => (bool)browser.Script("const c = echarts.getInstanceByDom(document.getElementById('sankey')); return !!c && (c.getOption().series?.[0]?.links?.length ?? 0) > 0;")!);
            browser.Shot("admin-flows-" + kind);
        }

        // By enterprise, a click on one enterprise's node opens that enterprise's page: the node is chosen first (the
        // tallest enterprise node, so nothing else is drawn over its middle), its pixel position taken from the chart's layout.
        Choose("flow-group", "enterprise");
        Choose("flow-kind", "energy");
        var target = (IReadOnlyCollection<object>)Wait.Until(d => browser.Script(
            "const c = echarts.getInstanceByDom(document.getElementById('sankey')); const s = c?.getModel()?.getSeriesByIndex(0); if (!s?.layoutInfo) return null;" +
            "const data = s.getData(); let best = null; for (let i = 0; i < data.count(); i++) { const name = data.getName(i); if (name.includes(':')) continue;" +
            "const l = data.getItemLayout(i); if (l && l.dy >= 6 && (!best || l.dy > best.l.dy)) best = { name, l }; } if (!best) return null;" +
            "const box = document.getElementById('sankey').getBoundingClientRect();" +
            "return [best.name, Math.round(s.layoutInfo.x + best.l.x + best.l.dx / 2 - box.width / 2), Math.round(s.layoutInfo.y + best.l.y + best.l.dy / 2 - box.height / 2)];"))!;
        var node = target.ToList();
        var id = (string)node[0];
        string expectedName;
        using (var http = await browser.AdminAsync())
        {
            var listing = await http.GetFromJsonAsync<JsonObject>("/api/parks/linxiang/enterprises?page_size=500");
            expectedName = listing!["items"]!.AsArray().Single(e => e!["id"]!.GetValue<string>() == id)!["name"]!.GetValue<string>();
        }

        new OpenQA.Selenium.Interactions.Actions(Driver).MoveToElement(Driver.FindElement(By.Id("sankey")), Convert.ToInt32(node[1], CultureInfo.InvariantCulture), Convert.ToInt32(node[2], CultureInfo.InvariantCulture)).Click().Perform();
        Wait.Until(d => d.FindElement(By.Id("view-enterprises")).Displayed);
        Assert.Equal(expectedName, Wait.Until(d => d.FindElement(By.Id("detail-name")).Text is { Length: > 0 } n ? n : null));
        Assert.StartsWith(id + " ·", Driver.FindElement(By.CssSelector("#enterprise-detail .ids")).Text, StringComparison.Ordinal);
        // The keyboard follows: the page opened is where focus is.
        Assert.Equal("enterprise-detail", browser.Script("return document.activeElement.id;"));
        browser.Shot("admin-flows-click-enterprise");
    }

    [Fact]
    public async Task HeatView_DrawsTheCompositeCurvesTheGrandCompositeCurveAndTheSweep_WithChineseAxes()
    {
        JsonObject heat;
        using (var http = await browser.AdminAsync())
        {
            heat = (await http.GetFromJsonAsync<JsonObject>("/api/parks/linxiang/heat"))!;
        }

        var gccPoints = heat["grand_composite"]!.AsArray().Count;
        var sweepPoints = heat["sweep"]!.AsArray().Count;
        Assert.True(gccPoints > 2 && sweepPoints > 2);

        browser.LogIn("admin", BrowserFixture.AdminPassword);
        browser.Open("heat");
        Assert.Contains("最小热公用工程", Wait.Until(d => d.FindElement(By.Id("heat-status")).Text is { Length: > 0 } h && !h.Contains('…') ? h : null), StringComparison.Ordinal);
        const string Axes = "const o = echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption();" +
            "return [o.xAxis[0].name, o.yAxis[0].name, o.series.length, o.series[0].data.length].join('|');";
        Assert.Equal($"热负荷（kW）|温度（°C）|2|{heat["composite_curves"]!["hot"]!.AsArray().Count}", browser.Script(Axes, "heat-chart"));
        // The grand composite curve: every corner of the cascade, heat flow against shifted temperature, the pinch marked.
        Assert.Equal($"热流（kW）|位移温度（°C）|1|{gccPoints}", browser.Script(Axes, "heat-gcc"));
        var pinch = heat["pinch"]?["shifted_c"]?.GetValue<decimal>();
        if (pinch is { } shifted)
        {
            Assert.Equal((double)shifted, Convert.ToDouble(browser.Script("return echarts.getInstanceByDom(document.getElementById('heat-gcc')).getOption().series[0].markLine.data[0].yAxis;"), CultureInfo.InvariantCulture), 6);
        }

        // The GCC's top end is the minimum hot utility, its bottom end the minimum cold utility.
        var ends = (string)browser.Script("const d = echarts.getInstanceByDom(document.getElementById('heat-gcc')).getOption().series[0].data; return d[0][0] + '|' + d[d.length - 1][0];")!;
        Assert.Equal($"{heat["hot_utility_kw"]!.GetValue<decimal>().ToString(CultureInfo.InvariantCulture)}|{heat["cold_utility_kw"]!.GetValue<decimal>().ToString(CultureInfo.InvariantCulture)}", ends);
        Assert.Equal($"ΔTmin（°C）|热流（kW）|3|{sweepPoints}", browser.Script(Axes, "heat-sweep"));
        Assert.Contains("ΔTmin = 10 °C", Driver.FindElement(By.Id("heat-sweep-note")).Text, StringComparison.Ordinal);
        browser.Shot("admin-heat-gcc");
        browser.Script("document.getElementById('heat-sweep').scrollIntoView();");
        browser.Shot("admin-heat-sweep");
        browser.Script("window.scrollTo(0, 0);");

        Driver.FindElement(By.Id("lang")).Click();
        Wait.Until(d => d.FindElement(By.Id("nav-overview")).Text == "Overview");
        Wait.Until(d => (string)browser.Script(Axes, "heat-gcc")! == $"Heat flow (kW)|Shifted temperature (°C)|1|{gccPoints}");
        Driver.FindElement(By.Id("lang")).Click();
    }

    [Fact]
    public async Task DataView_ShowsReportedAgainstReconciledPerEnterprise_AndListsTheFlaggedReportsByName()
    {
        // A copy of the seed in which the feed mill's grain was typed without a zero (16,000 t instead of 160,000 t):
        // its mass balance cannot hold, so the global test fails and the balance's reports are flagged.
        JsonObject recon;
        Dictionary<string, string> names;
        int seedFlagged;
        var corrected = Path.Combine(browser.Data, "recon-park-v2.json");
        using (var http = await browser.AdminAsync())
        {
            var json = JsonNode.Parse(await http.GetStringAsync(new Uri("/api/parks/linxiang/dataset?format=json", UriKind.Relative)))!.AsObject();
            DatasetCopy.AsNewPark(json, "recon-park");
            json["name"] = "协调测试园区 Reconciliation test park";
            json["flows"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "f283")!["quantity"] = 16000;
            names = json["enterprises"]!.AsArray().ToDictionary(e => e!["id"]!.GetValue<string>(), e => e!["name"]!.GetValue<string>());
            using var content = new StringContent(json.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            (await http.PostAsync(new Uri("/api/datasets", UriKind.Relative), content)).EnsureSuccessStatusCode();
            recon = (await http.GetFromJsonAsync<JsonObject>("/api/parks/recon-park/reconciliation"))!;
            seedFlagged = (await http.GetFromJsonAsync<JsonObject>("/api/parks/linxiang/reconciliation"))!["flows"]!.AsArray().Count(f => f!["flagged"]!.GetValue<bool>());

            // The corrected figure, as the next version's file.
            json["flows"]!.AsArray().Single(f => f!["id"]!.GetValue<string>() == "f283")!["quantity"] = 160000;
            await File.WriteAllTextAsync(corrected, json.ToJsonString());
        }

        Assert.False(recon["global_test"]!["passed"]!.GetValue<bool>());
        var flagged = recon["flows"]!.AsArray().Where(f => f!["flagged"]!.GetValue<bool>()).ToList();
        Assert.Contains(flagged, f => f!["id"]!.GetValue<string>() == "f283");

        browser.LogIn("admin", BrowserFixture.AdminPassword);
        browser.Open("data");
        Wait.Until(d => d.FindElements(By.CssSelector("#reconciliation tbody tr")).Count == 4);
        Assert.Contains("相互一致", Driver.FindElement(By.Id("recon-global")).Text, StringComparison.Ordinal);
        // The analysis's balance flags read in Chinese too.
        var balanceFlags = Driver.FindElement(By.Id("balance-flags")).Text;
        Assert.Contains("平衡仅为下限", balanceFlags, StringComparison.Ordinal);
        Assert.DoesNotContain("lower bound", balanceFlags, StringComparison.Ordinal);

        Wait.Until(d => d.FindElements(By.CssSelector("#park option")).Any(o => o.GetAttribute("value") == "recon-park"));
        Choose("park", "recon-park");
        browser.Open("data");
        Wait.Until(d => d.FindElement(By.Id("recon-flagged")).GetAttribute("data-flagged") == flagged.Count.ToString(CultureInfo.InvariantCulture));
        Assert.Contains("不可能同时为真", Driver.FindElement(By.Id("recon-global")).Text, StringComparison.Ordinal);
        var rows = Driver.FindElements(By.CssSelector("#recon-flagged tbody tr"));
        Assert.Equal(flagged.Count, rows.Count);
        // Names, not ids; the ids on hover; the largest test first.
        var expected = flagged.OrderByDescending(f => Math.Abs(f!["test"]!.GetValue<double>())).ThenByDescending(f => Math.Abs(f!["adjustment"]!.GetValue<double>())).First()!;
        var first = rows[0].FindElements(By.TagName("td"));
        var from = expected["from"]!.GetValue<string>();
        Assert.Equal(names.GetValueOrDefault(from, "外购"), first[0].Text);
        Assert.StartsWith($"{expected["id"]!.GetValue<string>()} · {from}", first[0].GetAttribute("title")!, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.DoesNotMatch(IdLike(), r.Text));
        // The feed mill's balance checks its flows alone: their tests are equal and the page says the data cannot tell which is wrong.
        var grain = rows.Single(r => r.FindElement(By.TagName("td")).GetAttribute("title")!.StartsWith("f283 ·", StringComparison.Ordinal));
        Assert.Contains("饲料", grain.FindElements(By.TagName("td"))[2].Text, StringComparison.Ordinal);
        Assert.Contains("无法区分", grain.FindElements(By.TagName("td"))[9].Text, StringComparison.Ordinal);

        // A flagged report links the enterprise that sent it to its page and report history (the purchase it came from has no page).
        Assert.Empty(grain.FindElements(By.TagName("td"))[0].FindElements(By.TagName("a")));
        var link = grain.FindElements(By.TagName("td"))[1].FindElement(By.CssSelector("a.enterprise-link"));
        Assert.Equal(("ag-feed.recon-park", names["ag-feed.recon-park"]), (link.GetAttribute("data-enterprise"), link.Text));
        Assert.All(Driver.FindElements(By.CssSelector("#recon-flagged tbody tr")), r => Assert.NotEmpty(r.FindElements(By.CssSelector("a.enterprise-link"))));
        // A report of the feed mill's, sent now (a report is part of the park, so before it would have moved the figures above).
        using (var http = await browser.AdminAsync())
        {
            http.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());
            (await http.PostAsJsonAsync("/api/enterprises/ag-feed.recon-park/offers", new
            {
                material = "fly-ash", quantity = 40, unit = "t", available_from = browser.ServerToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                available_to = browser.ServerToday.AddMonths(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), quality_notes = FeedMillNote,
            })).EnsureSuccessStatusCode();
        }

        link.Click();
        Wait.Until(d => d.FindElement(By.Id("view-enterprises")).Displayed);
        Assert.Equal(names["ag-feed.recon-park"], Wait.Until(d => d.FindElement(By.Id("detail-name")).Text is { Length: > 0 } n ? n : null));
        Assert.StartsWith("ag-feed.recon-park ·", Driver.FindElement(By.CssSelector("#enterprise-detail .ids")).Text, StringComparison.Ordinal);
        Wait.Until(d => d.FindElements(By.CssSelector("#detail-reports tbody tr")).Any(r => r.Text.Contains(FeedMillNote, StringComparison.Ordinal)));
        Assert.Equal("enterprise-detail", browser.Script("return document.activeElement.id;"));
        browser.Shot("admin-reconciliation-enterprise");
        // So does each balance's enterprise in the per-enterprise table.
        browser.Open("data");
        Wait.Until(d => d.FindElements(By.CssSelector("#reconciliation tbody tr a.enterprise-link")).Count == 4);

        // Per enterprise: the feed mill's inflows and outflows in tonnes as reported and reconciled; reconciled, it balances.
        var balance = recon["balances"]!.AsArray().Single(b => b!["enterprise"]!.GetValue<string>() == "ag-feed.recon-park")!;
        var reported = recon["flows"]!.AsArray().ToDictionary(f => f!["id"]!.GetValue<string>(), f => f!["reported"]!.GetValue<double>());
        var terms = balance["terms"]!.AsArray().Select(x => (Flow: x!["flow"]!.GetValue<string>(), K: x["coefficient"]!.GetValue<double>())).ToList();
        var inflow = terms.Where(x => x.K > 0).Sum(x => x.K * reported[x.Flow]);
        var outflow = terms.Where(x => x.K < 0).Sum(x => -x.K * reported[x.Flow]);
        var row = Driver.FindElements(By.CssSelector("#reconciliation tbody tr")).Single(r => r.FindElement(By.TagName("td")).GetAttribute("title")!.StartsWith("ag-feed.recon-park", StringComparison.Ordinal));
        var cells = row.FindElements(By.TagName("td")).Select(c => c.Text).ToList();
        Assert.Equal(names["ag-feed.recon-park"], cells[0]);
        Assert.Equal("物料平衡", cells[1]);
        Assert.Equal(inflow.ToString("N0", CultureInfo.InvariantCulture), cells[4]);
        Assert.Equal(outflow.ToString("N0", CultureInfo.InvariantCulture), cells[6]);
        Assert.Equal(cells[5], cells[7]);
        Assert.EndsWith("→ 0", cells[8], StringComparison.Ordinal);
        row.Click();
        Assert.Equal($"{terms.Count(x => reported.ContainsKey(x.Flow))}|申报值,协调值|吨", browser.Script(
            "const o = echarts.getInstanceByDom(document.getElementById('recon-chart')).getOption(); return [o.series[0].data.length, o.series.map(s => s.name).join(','), o.xAxis[0].name].join('|');"));
        browser.Script("document.getElementById('recon-global').scrollIntoView();");
        browser.Shot("admin-reconciliation");
        browser.Script("document.getElementById('recon-chart').scrollIntoView();");
        browser.Shot("admin-reconciliation-chart");

        // The correction as version 2: previewed first (one flow changed, named; the KPIs before and after), then imported by the confirm button.
        Assert.Single(Driver.FindElements(By.CssSelector("#versions tbody tr")));
        Driver.FindElement(By.Id("import-dry-run")).Click();
        Driver.FindElement(By.Id("import-file")).SendKeys(corrected);
        Driver.FindElement(By.Id("import-submit")).Click();
        Wait.Until(d => d.FindElement(By.Id("import-diff")).Displayed);
        Assert.StartsWith("预览 recon-park 第 2 版", Driver.FindElement(By.Id("import-result")).Text, StringComparison.Ordinal);
        var changes = Driver.FindElements(By.CssSelector("#import-diff-lists li"));
        var change = Assert.Single(changes);
        Assert.Equal("flows|changed|f283", $"{change.GetAttribute("data-what")}|{change.GetAttribute("data-kind")}|{change.GetAttribute("title")}");
        Assert.Equal($"流修改（1）：外购 → {names["ag-feed.recon-park"]} · 饲料原粮", change.Text);
        Assert.Contains("导入前", Driver.FindElement(By.CssSelector("#import-kpis thead")).Text, StringComparison.Ordinal);
        Assert.Equal("确认导入第 2 版", Driver.FindElement(By.Id("import-confirm")).Text);
        Assert.Single(Driver.FindElements(By.CssSelector("#versions tbody tr")));
        browser.Script("document.getElementById('import-form').scrollIntoView();");
        browser.Shot("admin-import-preview");
        AssertNoAccessibilityViolations("admin-import-preview");
        Driver.FindElement(By.Id("import-confirm")).Click();
        Wait.Until(d => d.FindElement(By.Id("import-result")).Text.StartsWith("✔ 已导入 recon-park 第 2 版", StringComparison.Ordinal));
        Wait.Until(d => d.FindElements(By.CssSelector("#versions tbody tr")).Count == 2);
        // Reconciled again: the feed mill's reports are no longer flagged; what stays flagged is what the seed flags.
        Wait.Until(d => d.FindElement(By.Id("recon-flagged")).GetAttribute("data-flagged") == seedFlagged.ToString(CultureInfo.InvariantCulture));
        Assert.False(Driver.FindElement(By.Id("import-diff")).Displayed);
        Choose("park", "linxiang");
    }

    [Fact]
    public async Task ProgressView_ListsTheProgrammesKnownAsCounts_AndDrawsTheForecastBandAgainstTotalAndDueDate()
    {
        JsonArray programmes;
        using (var http = await browser.AdminAsync())
        {
            programmes = (await http.GetFromJsonAsync<JsonArray>("/api/parks/linxiang/programmes"))!;
        }

        browser.LogIn("admin", BrowserFixture.AdminPassword);
        browser.Open("progress");
        Wait.Until(d => d.FindElements(By.CssSelector("#programmes tbody tr")).Count == programmes.Count);
        var rows = Driver.FindElements(By.CssSelector("#programmes tbody tr"));
        var yueyang = programmes.Single(p => p!["id"]!.GetValue<string>() == "yueyang-riverside-chemical")!;
        var row = rows.Single(r => r.FindElement(By.TagName("td")).GetAttribute("title")!.StartsWith("yueyang-riverside-chemical ·", StringComparison.Ordinal));
        var cells = row.FindElements(By.TagName("td")).Select(c => c.Text).ToList();
        var done = yueyang["counts"]!.AsArray()[^1]!["completed"]!.GetValue<int>();
        Assert.Equal(yueyang["name"]!.GetValue<string>(), cells[0]);
        Assert.Equal("35", cells[1]);
        Assert.StartsWith($"{done}（", cells[2], StringComparison.Ordinal);
        Assert.Equal(yueyang["completion"]!["p50"]?.GetValue<string>() ?? "预测期之后", cells[3]);
        Assert.Equal("2025-12-31", cells[5]);
        Assert.Contains(cells[6], new[] { "预计按期完成", "可能逾期", "很可能逾期" });
        var relocation = rows.Single(r => r.FindElement(By.TagName("td")).GetAttribute("title")!.StartsWith("linxiang-chemical-park-relocation ·", StringComparison.Ordinal));
        Assert.Equal("已全部完成", relocation.FindElements(By.TagName("td"))[6].Text);

        // The chart: the first programme not yet complete, its recorded counts, the median from the last count on, the band, the total and due lines.
        Assert.Equal("yueyang-riverside-chemical", browser.Script("return document.getElementById('programme-pick').value;"));
        var forecast = yueyang["forecast"]!.AsArray();
        Assert.Equal($"{yueyang["counts"]!.AsArray().Count}|{forecast.Count + 1}|{forecast.Count + 1}|35,2025-12-31|{forecast[^1]!["high"]!.GetValue<int>() - forecast[^1]!["low"]!.GetValue<int>()}", browser.Script(
            "const o = echarts.getInstanceByDom(document.getElementById('programme-chart')).getOption(); const s = o.series;" +
            "return [s[0].data.length, s[1].data.length, s[3].data.length, s[0].markLine.data.map(m => m.yAxis ?? m.xAxis).join(','), s[3].data[s[3].data.length - 1][1]].join('|');"));
        browser.Script("document.getElementById('programmes').scrollIntoView();");
        browser.Shot("admin-programmes");
    }

    [Fact]
    public void Map_RendersTheEnterprisesAtTheirCoordinates_WithNothingLoadedFromOutsideTheServer()
    {
        browser.LogIn("admin", BrowserFixture.AdminPassword);
        browser.Open("map");
        Wait.Until(d => (bool)browser.Script(
            "const c = echarts.getInstanceByDom(document.getElementById('map')); if (!c) return false;" +
            "const s = c.getOption().series; return s.filter(x => x.type === 'scatter').reduce((n, x) => n + x.data.length, 0) >= 50 && s.some(x => x.type === 'lines' && x.data.length > 0);")!);
        var foreign = (IReadOnlyCollection<object>)browser.Script(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin));")!;
        Assert.Empty(foreign);
        browser.Shot("admin-map");
    }

    [Fact]
    public async Task HostileNamesAndNotes_AreShownAsText_AndAnImportedSecondParkHasItsOwnAnalysis()
    {
        const string hostileName = "<img src=x onerror=\"window.__xss=1\">";
        const string hostileZone = "<script>window.__xss=2</script>";
        const string hostileNote = "<b onmouseover=\"window.__xss=3\">bold</b><img src=y onerror=\"window.__xss=3\">";
        var upload = Path.Combine(browser.Data, "hostile.json");
        using (var http = await browser.AdminAsync())
        {
            // A second park, copied from the seed with its own ids, whose names are markup.
            var json = JsonNode.Parse(await http.GetStringAsync(new Uri("/api/parks/linxiang/dataset?format=json", UriKind.Relative)))!.AsObject();
            DatasetCopy.AsNewPark(json, "hostile-park");
            json["name"] = "恶意园区 " + hostileName;
            json["enterprises"]![0]!["name"] = hostileName;
            json["zones"]![0]!["name"] = hostileZone;
            await File.WriteAllTextAsync(upload, json.ToJsonString());

            // A hostile note on a report of the seed park.
            http.DefaultRequestHeaders.Add("Idempotency-Key", Guid.NewGuid().ToString());
            (await http.PostAsJsonAsync("/api/enterprises/ut-chp/offers", new
            {
                material = "fly-ash", quantity = 12, unit = "t", available_from = browser.ServerToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                available_to = browser.ServerToday.AddMonths(6).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), quality_notes = hostileNote,
            })).EnsureSuccessStatusCode();
        }

        browser.LogIn("admin", BrowserFixture.AdminPassword);
        browser.Open("data");
        Driver.FindElement(By.Id("import-file")).SendKeys(upload);
        Driver.FindElement(By.Id("import-submit")).Click();
        Wait.Until(d => d.FindElement(By.Id("import-result")).Text.StartsWith('✔'));
        Assert.Contains("hostile-park", Driver.FindElement(By.Id("import-result")).Text, StringComparison.Ordinal);
        Assert.Equal("100", Driver.FindElement(By.Id("import-progress")).GetAttribute("value"));
        browser.Shot("admin-import");

        // The park list comes from the server: the new park is there, selected, and analysed on its own.
        Wait.Until(d => d.FindElements(By.CssSelector("#park option")).Any(o => o.GetAttribute("value") == "hostile-park"));
        Choose("park", "hostile-park");
        browser.Open("overview");
        Wait.Until(d => d.FindElement(By.Id("park-name")).Text.Contains(hostileName, StringComparison.Ordinal));
        Wait.Until(d => d.FindElements(By.CssSelector("#summary .card dd")).Count > 0);
        browser.Open("enterprises");
        var hostileRow = Wait.Until(d => d.FindElements(By.CssSelector("#enterprises tbody tr")).FirstOrDefault(r => r.Text.Contains(hostileName, StringComparison.Ordinal)));
        Assert.Contains(".hostile-park", hostileRow!.Text, StringComparison.Ordinal);
        Assert.Contains(Driver.FindElements(By.CssSelector("#enterprises tbody tr")), r => r.Text.Contains(hostileZone, StringComparison.Ordinal));
        hostileRow.Click();
        Wait.Until(d => d.FindElement(By.Id("detail-name")).Text == hostileName);
        browser.Open("plan");
        Wait.Until(d => d.FindElements(By.CssSelector("#opportunities tbody tr")).Count > 0);
        Assert.All(Driver.FindElements(By.CssSelector("#opportunities tbody tr td:first-child")), c => Assert.EndsWith(".hostile-park", c.GetAttribute("title")!, StringComparison.Ordinal));
        browser.Open("map");
        browser.Shot("admin-second-park-map");

        // Its versions: the upload is version 1; the same file previewed (dry run) changes nothing, then imported is version 2.
        browser.Open("data");
        Wait.Until(d => d.FindElements(By.CssSelector("#versions tbody tr")).Count == 1);
        Driver.FindElement(By.Id("import-dry-run")).Click();
        Driver.FindElement(By.Id("import-file")).SendKeys(upload);
        Driver.FindElement(By.Id("import-submit")).Click();
        Wait.Until(d => d.FindElement(By.Id("import-result")).Text.StartsWith("预览 hostile-park 第 2 版", StringComparison.Ordinal));
        Assert.Contains("企业: 新增 0 · 删除 0 · 修改 0", Driver.FindElement(By.Id("import-result")).Text, StringComparison.Ordinal);
        Assert.Single(Driver.FindElements(By.CssSelector("#versions tbody tr")));
        Driver.FindElement(By.Id("import-dry-run")).Click();
        Driver.FindElement(By.Id("import-file")).SendKeys(upload);
        Driver.FindElement(By.Id("import-submit")).Click();
        Wait.Until(d => d.FindElement(By.Id("import-result")).Text.StartsWith("✔ 已导入 hostile-park 第 2 版", StringComparison.Ordinal));
        Wait.Until(d => d.FindElements(By.CssSelector("#versions tbody tr")).Count == 2);
        Assert.Equal(2, Driver.FindElements(By.CssSelector("#versions .version-download")).Count);
        browser.Shot("admin-versions");

        // Back in the seed park, the hostile note reads as text in the enterprise's reports.
        Choose("park", "linxiang");
        browser.Open("enterprises");
        var seedRow = Wait.Until(d => d.FindElements(By.CssSelector("#enterprises tbody tr")).FirstOrDefault(r => r.Text.Contains("ut-chp", StringComparison.Ordinal)));
        seedRow!.Click();
        Wait.Until(d => d.FindElements(By.CssSelector("#detail-reports tbody tr")).Any(r => r.Text.Contains(hostileNote, StringComparison.Ordinal)));
        browser.Shot("admin-hostile-text");
        // Hovering the chart tooltips and moving over every cell runs nothing either.
        foreach (var cell in Driver.FindElements(By.CssSelector("#detail-reports td")).Take(20))
        {
            new OpenQA.Selenium.Interactions.Actions(Driver).MoveToElement(cell).Perform();
        }

        Assert.Null(browser.Script("return window.__xss ?? null;"));
        Assert.Equal(0L, browser.Script("return document.querySelectorAll('main img, main script, main b, header img').length;"));
    }

    private const string FeedMillNote = "待核实：原粮进厂量";

    // A select set as a person would (the page listens for change).
    private void Choose(string id, string value) =>
        browser.Script("const s = document.getElementById(arguments[0]); s.value = arguments[1]; s.dispatchEvent(new Event('change'));", id, value);

    private void SetDate(string id, DateOnly date) =>
        browser.Script("document.getElementById(arguments[0]).value = arguments[1];", id, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    // An enterprise id of the seed park (prefix-dash-name, all lower case ASCII), e.g. ut-chp or gc-caprolactam.
    [GeneratedRegex(@"\b(ag|bj|bm|by|fl|gc|lg|ut)-[a-z0-9-]+\b")]
    private static partial Regex IdLike();

    [GeneratedRegex(@"\b[A-Za-z]{2,}\b")]
    private static partial Regex LatinWord();
}
