using System.Net.Http.Json;
using OpenQA.Selenium;

namespace ParkCycle.Server.Tests;

/// <summary>
/// Usable without a mouse and without good eyes: axe-core's WCAG 2 A/AA audit of every view of both roles, the
/// keyboard path through the navigation into a view, and the page at 1366×768 and at tablet width.
/// </summary>
public sealed partial class BrowserTests
{
    private const string AuditEnterprise = "ut-chp";

    // Each view of the administrator and what shows it has rendered its data (axe checks what is there when it runs).
    private static readonly (string View, string Ready)[] AdminViews =
    [
        ("overview", "#kpis tbody tr"), ("flows", "#flow-loops li"), ("map", "#map canvas"), ("plan", "#opportunities tbody tr"),
        ("gaps", "#gaps .reasoning"), ("progress", "#programmes tbody tr"), ("heat", "#heat-chart canvas"),
        ("data", "#reconciliation tbody tr"), ("enterprises", "#enterprises tbody tr"), ("report", "#monthly-report h2"),
    ];

    [Fact]
    public async Task Audit_EveryViewOfBothRoles_HasNoWcagViolations()
    {
        var found = new List<AxeViolation>();
        var audited = new List<string>();
        void Audit(string page)
        {
            found.AddRange(AccessibilityAudit.Run(Driver, page));
            audited.Add(page);
        }

        Driver.Navigate().GoToUrl(browser.BaseUrl + "/");
        browser.Script("sessionStorage.clear(); localStorage.clear();");
        Driver.Navigate().GoToUrl(browser.BaseUrl + "/");
        Wait.Until(d => d.FindElement(By.Id("login-form")).Displayed);
        Audit("login");
        Driver.FindElement(By.Id("login-submit")).Click();
        Wait.Until(d => d.FindElement(By.Id("login-error")).Text.Length > 0);
        Audit("login-failed");

        browser.LogIn("admin", BrowserFixture.AdminPassword);
        foreach (var (view, ready) in AdminViews)
        {
            browser.Open(view);
            Wait.Until(d => d.FindElements(By.CssSelector(ready)).Count > 0);
            Audit("admin-" + view);
        }

        // Buttons that all read "xlsx" are told apart by their names, which keep the visible text (WCAG 2.5.3).
        var download = Driver.FindElement(By.CssSelector("#versions .version-download"));
        Assert.Equal($"下载第 {download.GetAttribute("data-version")} 版 xlsx", download.GetAttribute("aria-label"));

        // The views' second states: an enterprise's page open, the import's dry-run diff, the flows by enterprise.
        browser.Open("enterprises");
        Driver.FindElements(By.CssSelector("#enterprises tbody tr"))[0].Click();
        Wait.Until(d => d.FindElements(By.CssSelector("#detail-reports thead")).Count > 0);
        Audit("admin-enterprise-detail");
        browser.Open("flows");
        Choose("flow-group", "enterprise");
        Audit("admin-flows-by-enterprise");
        Choose("flow-group", "chain");

        // In English the page says so (lang), and its texts are others (longer ones, in other widths).
        Driver.FindElement(By.Id("lang")).Click();
        Wait.Until(d => d.FindElement(By.Id("nav-overview")).Text == "Overview");
        foreach (var (view, ready) in AdminViews)
        {
            browser.Open(view);
            Wait.Until(d => d.FindElements(By.CssSelector(ready)).Count > 0);
            Audit($"admin-{view}-en");
        }

        Driver.FindElement(By.Id("lang")).Click();
        Wait.Until(d => d.FindElement(By.Id("nav-overview")).Text == "总览");

        using (var http = await browser.AdminAsync())
        {
            (await http.PostAsJsonAsync("/api/accounts", new { username = "audit", password = "audit-password", role = "enterprise", enterprise = AuditEnterprise })).EnsureSuccessStatusCode();
        }

        browser.LogIn("audit", "audit-password");
        Wait.Until(d => d.FindElement(By.Id("view-reporting")).Displayed);
        Audit("enterprise-reporting");
        // The material picker open (a combobox with its listbox), then a report sent and its matches listed.
        var search = Driver.FindElement(By.Id("offer-material"));
        search.SendKeys("粉煤灰");
        Wait.Until(d => d.FindElements(By.CssSelector("#offer-material-list .option")).Any(o => o.Displayed));
        Audit("enterprise-picker");
        search.SendKeys(Keys.Enter);
        Driver.FindElement(By.Id("offer-quantity")).SendKeys("120");
        Driver.FindElement(By.Id("offer-submit")).Click();
        Wait.Until(d => d.FindElement(By.Id("offer-result")).Text.StartsWith('✔'));
        Audit("enterprise-matches");
        Driver.FindElement(By.Id("offer-quantity")).Clear();
        Driver.FindElement(By.Id("offer-quantity")).SendKeys("-1");
        Driver.FindElement(By.Id("offer-submit")).Click();
        Wait.Until(d => d.FindElement(By.CssSelector("#offer-form .field-error[data-for=quantity]")).Text.Length > 0);
        Audit("enterprise-field-errors");
        // The field in error says so to a screen reader, and its description is the error's text.
        Assert.Equal("true", Driver.FindElement(By.Id("offer-quantity")).GetAttribute("aria-invalid"));
        Assert.Null(Driver.FindElement(By.Id("offer-unit")).GetAttribute("aria-invalid"));
        Assert.Contains("必须大于零", (string)browser.Script(
            "return document.getElementById('offer-quantity').getAttribute('aria-describedby').split(' ').map(id => document.getElementById(id).textContent).join(' ');")!, StringComparison.Ordinal);
        browser.Open("mine");
        Wait.Until(d => d.FindElements(By.CssSelector("#my-reports tbody tr")).Count > 0);
        Audit("enterprise-mine");

        Assert.True(found.Count == 0, $"{found.Count} axe-core violations on {audited.Count} pages:\n" + string.Join("\n", found));
        Assert.Equal(29, audited.Count);
    }

    [Fact]
    public void Audit_ReportsAnUnlabelledInputAndUnreadableText_InjectedIntoAPage()
    {
        // The canary: the audit must see what it is there to see, or a clean result means nothing.
        browser.LogIn("admin", BrowserFixture.AdminPassword);
        browser.Open("plan");
        Wait.Until(d => d.FindElements(By.CssSelector("#opportunities tbody tr")).Count > 0);
        browser.Script("""
            const input = document.createElement('input'); input.id = 'canary-input';
            const text = document.createElement('p'); text.id = 'canary-text'; text.textContent = '浅灰色文字'; text.style.color = '#c8c8c8'; text.style.background = '#fff';
            const button = document.createElement('button'); button.id = 'canary-button';
            document.getElementById('view-plan').append(input, text, button);
            """);
        var found = AccessibilityAudit.Run(Driver, "canary");
        browser.Script("['canary-input', 'canary-text', 'canary-button'].forEach(id => document.getElementById(id).remove());");

        Assert.Contains(found, v => v.Rule == "label" && v.Targets.Any(t => t.StartsWith("#canary-input", StringComparison.Ordinal)));
        Assert.Contains(found, v => v.Rule == "color-contrast" && v.Targets.Any(t => t.StartsWith("#canary-text", StringComparison.Ordinal)));
        Assert.Contains(found, v => v.Rule == "button-name" && v.Targets.Any(t => t.StartsWith("#canary-button", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(768, 1024)]
    public async Task EveryView_FitsTheWindowWithoutScrollingSideways_AndKeepsItsNavigationInReach(int width, int height)
    {
        using (var http = await browser.AdminAsync())
        {
            (await http.PostAsJsonAsync("/api/accounts", new { username = "audit", password = "audit-password", role = "enterprise", enterprise = AuditEnterprise })).EnsureSuccessStatusCode();
        }

        var size = $"{width}x{height}";
        // The viewport itself at that size (a window's size would include whatever frame the browser draws).
        browser.Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?> { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
        try
        {
            var wide = new List<string>();
            void Check(string page, IEnumerable<string> nav)
            {
                Assert.Equal(width, Convert.ToInt32(browser.Script("return window.innerWidth;"), System.Globalization.CultureInfo.InvariantCulture));
                var overflow = (string?)browser.Script(Overflow);
                if (overflow is not null)
                {
                    wide.Add($"{page}: {overflow}");
                }

                // Every item of the navigation is on screen, left to right within the window: reachable without scrolling sideways.
                foreach (var id in nav)
                {
                    var inside = (bool)browser.Script("const r = document.getElementById(arguments[0]).getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth;", "nav-" + id)!;
                    Assert.True(inside, $"{page}: the navigation item {id} is outside the window at {size}");
                }

                browser.Shot($"{page}-{size}");
            }

            browser.LogIn("admin", BrowserFixture.AdminPassword);
            var adminNav = AdminViews.Select(v => v.View).ToList();
            foreach (var (view, ready) in AdminViews)
            {
                browser.Open(view);
                Wait.Until(d => d.FindElements(By.CssSelector(ready)).Count > 0);
                Check("admin-" + view, adminNav);
            }

            browser.Open("enterprises");
            Driver.FindElements(By.CssSelector("#enterprises tbody tr"))[0].Click();
            Wait.Until(d => d.FindElements(By.CssSelector("#detail-reports thead")).Count > 0);
            Check("admin-enterprise-detail", adminNav);

            browser.LogIn("audit", "audit-password");
            Wait.Until(d => d.FindElement(By.Id("view-reporting")).Displayed);
            Check("enterprise-reporting", ["reporting", "mine"]);
            browser.Open("mine");
            Wait.Until(d => d.FindElements(By.CssSelector("#my-reports tbody tr")).Count > 0);
            Check("enterprise-mine", ["reporting", "mine"]);
            Assert.True(wide.Count == 0, $"pages wider than the window at {size}:\n" + string.Join("\n", wide));

            // The check sees a page that is too wide: a block wider than the window, put in and taken out again.
            browser.Script("const d = document.createElement('div'); d.id = 'too-wide'; d.style.width = (innerWidth + 200) + 'px'; d.textContent = '过宽'; document.getElementById('view-mine').append(d);");
            Assert.Contains("div#too-wide", (string?)browser.Script(Overflow) ?? "", StringComparison.Ordinal);
            browser.Script("document.getElementById('too-wide').remove();");
        }
        finally
        {
            browser.Driver.ExecuteCdpCommand("Emulation.clearDeviceMetricsOverride", []);
        }
    }

    [Fact]
    public void Keyboard_TabReachesTheNavigationAndAViewsControls_WithAVisibleFocusRing_AndEnterOrSpaceChangesTheView()
    {
        browser.LogIn("admin", BrowserFixture.AdminPassword);
        browser.Open("plan");
        Wait.Until(d => d.FindElements(By.CssSelector("#opportunities tbody tr")).Count > 0);
        // Reloaded, the session kept: the keyboard starts at the top of the document, as a person arriving would.
        Driver.Navigate().Refresh();
        Wait.Until(d => d.FindElements(By.CssSelector("#opportunities tbody tr")).Count > 0);

        // The first Tab shows the skip link, on screen; Enter on it goes to the content of the same view.
        Tab();
        var skip = Focused();
        Assert.Equal("skip", skip.Class);
        Assert.True(skip.Left >= 0, "the skip link stays off screen when focused");
        AssertFocusRing(skip);
        browser.Shot("keyboard-skip-link");
        Press(Keys.Enter);
        Wait.Until(d => Focused().Id == "main");
        Assert.Equal("#plan", browser.Script("return location.hash;"));
        Assert.True(Driver.FindElement(By.Id("view-plan")).Displayed, "the skip link changed the view");
        Tab();
        Assert.Equal("plan-set", Focused().Id);
        AssertFocusRing(Focused());
        browser.Shot("keyboard-view-control");

        // Back through the navigation into the header, and forward again: every stop has a ring one can see.
        TabTo("lang", backwards: true);
        TabTo("nav-gaps");
        browser.Shot("keyboard-nav-focus");

        // Enter on a navigation item opens its view; the next Tab is in that view's controls.
        Press(Keys.Enter);
        Wait.Until(d => d.FindElement(By.Id("view-gaps")).Displayed);
        Assert.Equal("#gaps", browser.Script("return location.hash;"));
        Assert.Equal("page", Driver.FindElement(By.Id("nav-gaps")).GetAttribute("aria-current"));
        Tab();
        Assert.Equal("gaps-export", Focused().Id);
        AssertFocusRing(Focused());

        // Space on a navigation item works as Enter does.
        TabTo("nav-enterprises", backwards: true);
        Press(Keys.Space);
        Wait.Until(d => d.FindElement(By.Id("view-enterprises")).Displayed);
        Assert.Equal("#enterprises", browser.Script("return location.hash;"));
        Wait.Until(d => d.FindElements(By.CssSelector("#enterprises tbody tr")).Count > 0);

        // In the view: the search field, a column header that sorts, a row that opens its enterprise's page and takes the keyboard there.
        Tab();
        Assert.Equal("enterprise-filter", Focused().Id);
        AssertFocusRing(Focused());
        TabUntil(f => f.Class == "sort");
        Press(Keys.Space);
        Assert.Equal("ascending", browser.Script("return document.querySelector('#enterprises th').getAttribute('aria-sort');"));
        TabUntil(f => f.Tag == "tr");
        Press(Keys.Enter);
        Wait.Until(d => d.FindElements(By.Id("detail-name")).Count > 0);
        Assert.Equal("enterprise-detail", Focused().Id);
        browser.Shot("keyboard-enterprise");

        // The flow view's click-through to an enterprise, by keyboard: its loops name their enterprises as links.
        browser.Open("flows");
        Wait.Until(d => d.FindElements(By.CssSelector("#flow-loops a.enterprise-link")).Count > 0);
        browser.Script("document.getElementById('main').focus();");
        TabUntil(f => f.Class == "enterprise-link");
        var id = (string)browser.Script("return document.activeElement.dataset.enterprise;")!;
        Press(Keys.Enter);
        Wait.Until(d => d.FindElement(By.Id("view-enterprises")).Displayed);
        Wait.Until(d => Focused().Id == "enterprise-detail");
        Assert.StartsWith(id + " ·", Driver.FindElement(By.CssSelector("#enterprise-detail .ids")).Text, StringComparison.Ordinal);
    }

    private void Press(string key) => new OpenQA.Selenium.Interactions.Actions(Driver).SendKeys(key).Perform();

    private void Tab(bool backwards = false)
    {
        var keys = new OpenQA.Selenium.Interactions.Actions(Driver);
        (backwards ? keys.KeyDown(Keys.Shift).SendKeys(Keys.Tab).KeyUp(Keys.Shift) : keys.SendKeys(Keys.Tab)).Perform();
    }

    // Tabs until the focus satisfies the condition (at most 40 stops), each stop on the way showing its ring.
    private FocusState TabUntil(Func<FocusState, bool> reached, bool backwards = false)
    {
        var focus = Focused();
        for (var i = 0; i < 40 && !reached(focus); i++)
        {
            Tab(backwards);
            focus = Focused();
            AssertFocusRing(focus);
        }

        Assert.True(reached(focus), $"not reached by Tab; the focus stopped at {focus}");
        return focus;
    }

    private void TabTo(string id, bool backwards = false) => TabUntil(f => f.Id == id, backwards);

    // For tests that reach a state the audit above does not (an import's problems, a dry run's diff).
    private void AssertNoAccessibilityViolations(string page)
    {
        var found = AccessibilityAudit.Run(Driver, page);
        Assert.True(found.Count == 0, $"{found.Count} axe-core violations:\n" + string.Join("\n", found));
    }

    private FocusState Focused()
    {
        var values = ((IReadOnlyCollection<object>)browser.Script(FocusScript)!).Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList();
        return new FocusState(values[0], values[1], values[2], values[3] == "True", double.Parse(values[4], System.Globalization.CultureInfo.InvariantCulture),
            values[5], double.Parse(values[6], System.Globalization.CultureInfo.InvariantCulture), double.Parse(values[7], System.Globalization.CultureInfo.InvariantCulture));
    }

    // A ring is seen when it is drawn (an outline at least 2 px wide) in a colour at least 3:1 against what is behind it (WCAG 2.2's 1.4.11).
    private static void AssertFocusRing(FocusState focus)
    {
        Assert.True(focus.FocusVisible, $"{focus} is focused without :focus-visible");
        Assert.True(focus.Outline.StartsWith("solid", StringComparison.Ordinal) && focus.Width >= 2, $"{focus} has no visible focus ring");
        Assert.True(focus.Contrast >= 3, $"{focus}: its focus ring has {focus.Contrast:0.00}:1 against the background behind it");
    }

    private sealed record FocusState(string Tag, string Id, string Class, bool FocusVisible, double Left, string Outline, double Width, double Contrast);

    // The focused element, whether it shows :focus-visible, its outline, and the outline colour's contrast against the
    // first opaque background beside it, where the ring is drawn (white when there is none).
    private const string FocusScript = """
        const e = document.activeElement, s = getComputedStyle(e);
        const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
        const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
        // What is under the middle of the ring's left side (its right side when the left is off screen), the element itself aside.
        const r = e.getBoundingClientRect(), out = (parseFloat(s.outlineOffset) || 0) + (parseFloat(s.outlineWidth) || 0) / 2;
        const x = r.left - out >= 0 ? r.left - out : r.right + out, y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
        let bg = [255, 255, 255];
        search: for (const under of document.elementsFromPoint(x, y).filter(n => n !== e && !e.contains(n))) {
          for (let n = under; n; n = n.parentElement) { const c = rgb(getComputedStyle(n).backgroundColor); if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) { bg = c.slice(0, 3); break search; } }
        }
        const ring = lum(rgb(s.outlineColor)), back = lum(bg);
        return [e.tagName.toLowerCase(), e.id || '', (typeof e.className === 'string' ? e.className.split(' ')[0] : '') || '', String(e.matches(':focus-visible') ? 'True' : 'False'),
          String(e.getBoundingClientRect().left), s.outlineStyle + ' ' + s.outlineColor, String(parseFloat(s.outlineWidth) || 0), String((Math.max(ring, back) + 0.05) / (Math.min(ring, back) + 0.05))];
        """;

    // Null when the page fits its window; else how wide it is and the outermost elements that reach past the right edge.
    private const string Overflow = """
        const root = document.documentElement, limit = root.clientWidth;
        if (root.scrollWidth <= limit && root.scrollWidth <= window.innerWidth) return null;
        const past = [...document.querySelectorAll('body *')].filter(e => e.getClientRects().length && e.getBoundingClientRect().right > limit + 0.5)
          .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= limit + 0.5)
          .slice(0, 6).map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''} (${Math.round(e.getBoundingClientRect().right)})`);
        return `${root.scrollWidth} px wide in ${limit}: ${past.join(', ')}`;
        """;
}
