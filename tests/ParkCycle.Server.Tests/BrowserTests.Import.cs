using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenQA.Selenium;

namespace ParkCycle.Server.Tests;

/// <summary>The import's per-problem reasons read in Chinese, while file, line and column stay what the server sent.</summary>
public sealed partial class BrowserTests
{
    [Fact]
    public async Task ImportProblems_ReadInChinese_WithFileLineAndColumnAsTheServerSentThem()
    {
        // The seed's CSV folder with five rows of flows.csv spoilt, and once more with a required column renamed.
        byte[] seed;
        using (var http = await browser.AdminAsync())
        {
            seed = await http.GetByteArrayAsync(new Uri("/api/parks/linxiang/dataset?format=zip", UriKind.Relative));
        }

        var spoilt = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = RewriteFlows(seed, lines =>
        {
            var simple = Enumerable.Range(1, lines.Count - 1).Where(i => SimpleFlowRow().IsMatch(lines[i])).Take(5).ToList();
            Assert.Equal(5, simple.Count);
            string[] Cells(int i) => lines[i].Split(',');
            void Set(string what, int i, params (int Cell, string Value)[] changes)
            {
                var cells = Cells(i);
                foreach (var (cell, value) in changes)
                {
                    cells[cell] = value;
                }

                lines[i] = string.Join(',', cells);
                spoilt[what] = i + 1; // the header is line 1
            }

            Set("material", simple[0], (3, "粉煤灰"));
            Set("unit", simple[1], (5, "担"));
            Set("quantity", simple[2], (4, "99999999999"));
            Set("id", simple[3], (0, "坏 编号!"));
            Set("convert", simple[4], (3, "fly-ash"), (5, "GJ"));
        });
        var column = RewriteFlows(seed, lines => lines[0] = lines[0].Replace(",unit,", ",units,", StringComparison.Ordinal));
        var rowsFile = Path.Combine(browser.Data, "spoilt-rows.zip");
        var columnFile = Path.Combine(browser.Data, "spoilt-column.zip");
        await File.WriteAllBytesAsync(rowsFile, rows);
        await File.WriteAllBytesAsync(columnFile, column);

        // What the API answers in English: the machine-readable parts the page must show unchanged.
        var expectedRows = await ProblemsAsync(rows);
        var expectedColumn = await ProblemsAsync(column);
        Assert.Contains(expectedRows, p => p is { File: "flows.csv", Column: "material" } && p.Line == spoilt["material"] && p.Reason.StartsWith("unknown material '粉煤灰'", StringComparison.Ordinal));
        Assert.Contains(expectedRows, p => p is { File: "flows.csv", Column: "unit" } && p.Line == spoilt["unit"] && p.Reason.StartsWith("unknown unit '担'", StringComparison.Ordinal));
        Assert.Contains(expectedRows, p => p is { File: "flows.csv", Column: "quantity" } && p.Line == spoilt["quantity"] && p.Reason.Contains("out of range", StringComparison.Ordinal));
        Assert.Contains(expectedRows, p => p is { File: "flows.csv", Column: "id" } && p.Line == spoilt["id"] && p.Reason.Contains("is not an identifier", StringComparison.Ordinal));
        Assert.Contains(expectedRows, p => p is { File: "flows.csv", Column: "unit" } && p.Line == spoilt["convert"] && p.Reason.Contains("needs lhv_gj_per_unit for material 'fly-ash'", StringComparison.Ordinal));
        Assert.Contains(expectedColumn, p => p is { File: "flows.csv", Line: 1, Column: "unit", Reason: "missing required column 'unit'" });

        browser.LogIn("admin", BrowserFixture.AdminPassword);
        browser.Open("data");
        var shown = Upload(rowsFile, expectedRows.Count);
        Assert.StartsWith("✖ 未导入：数据集有错误", Driver.FindElement(By.Id("import-result")).Text, StringComparison.Ordinal);
        for (var i = 0; i < shown.Count; i++)
        {
            Assert.Equal(expectedRows[i].Where(), shown[i].Where);
        }

        string At(string what, string column) => shown.Single(s => s.Where == $"flows.csv|{spoilt[what]}|{column}").Text;
        Assert.Equal($"flows.csv:{spoilt["material"]}：material：未知物料「粉煤灰」（materials.csv 和物料目录中都没有）", At("material", "material"));
        Assert.StartsWith($"flows.csv:{spoilt["unit"]}：unit：未知单位「担」（可用单位：t, ", At("unit", "unit"), StringComparison.Ordinal);
        Assert.Equal($"flows.csv:{spoilt["quantity"]}：quantity：99999999999 超出年量的合理范围（0 至 10000000000，按其计量单位）", At("quantity", "quantity"));
        Assert.StartsWith($"flows.csv:{spoilt["id"]}：id：「坏 编号!」不是合法编号", At("id", "id"), StringComparison.Ordinal);
        Assert.Equal($"flows.csv:{spoilt["convert"]}：unit：「GJ」需要物料「粉煤灰」的 lhv_gj_per_unit 才能换算", At("convert", "unit"));
        // Every reason the page shows is Chinese: none is the server's English sentence.
        Assert.All(shown, s => Assert.DoesNotContain(" is not ", s.Text, StringComparison.Ordinal));
        Assert.All(shown, s => Assert.DoesNotContain("unknown", s.Text, StringComparison.Ordinal));
        browser.Script("document.getElementById('import-form').scrollIntoView();");
        browser.Shot("admin-import-problems");
        AssertNoAccessibilityViolations("admin-import-problems");

        var missing = Upload(columnFile, expectedColumn.Count);
        Assert.Equal(expectedColumn.Select(p => p.Where()), missing.Select(m => m.Where));
        Assert.Contains(missing, m => m.Text == "flows.csv:1：unit：缺少必需的列「unit」");
        browser.Shot("admin-import-missing-column");
    }

    // Uploads a file (not a preview) and waits for its problems: per list item, "file|line|column" from its data attributes and its text.
    private List<(string Where, string Text)> Upload(string file, int count)
    {
        Driver.FindElement(By.Id("import-file")).SendKeys(file);
        Driver.FindElement(By.Id("import-submit")).Click();
        Wait.Until(d => d.FindElements(By.CssSelector("#import-problems li")).Count == Math.Min(count, 50));
        return Driver.FindElements(By.CssSelector("#import-problems li"))
            .Select(li => ($"{li.GetAttribute("data-file")}|{li.GetAttribute("data-line")}|{li.GetAttribute("data-column")}", li.Text)).ToList();
    }

    private async Task<List<ImportProblem>> ProblemsAsync(byte[] zip)
    {
        using var http = await browser.AdminAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/datasets?dry_run=true", UriKind.Relative)) { Content = new ByteArrayContent(zip) };
        request.Content.Headers.ContentType = new("application/zip");
        request.Headers.TryAddWithoutValidation("Accept-Language", "en");
        var response = await http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("the dataset has errors; nothing was stored", body.GetProperty("title").GetString());
        return body.GetProperty("problems").EnumerateArray().Select(p => new ImportProblem(
            p.GetProperty("file").GetString()!,
            p.GetProperty("line").ValueKind == JsonValueKind.Number ? p.GetProperty("line").GetInt32() : null,
            p.GetProperty("column").GetString(),
            p.GetProperty("reason").GetString()!)).ToList();
    }

    private static byte[] RewriteFlows(byte[] zip, Action<List<string>> edit)
    {
        var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zip)))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var text = reader.ReadToEnd();
                if (entry.Name == "flows.csv")
                {
                    var lines = text.Split('\n').ToList();
                    edit(lines);
                    text = string.Join('\n', lines);
                }

                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }

        return output.ToArray();
    }

    private sealed record ImportProblem(string File, int? Line, string? Column, string Reason)
    {
        public string Where() => $"{File}|{Line}|{Column}";
    }

    // A flows.csv row whose first six cells (id, from, to, material, quantity, unit) hold no quote or comma of their own.
    [GeneratedRegex(@"^f\d+,[^,""]+,[^,""]+,[^,""]+,[0-9.]+,t,")]
    private static partial Regex SimpleFlowRow();
}
