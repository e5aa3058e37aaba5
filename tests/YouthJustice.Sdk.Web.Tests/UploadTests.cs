using System.Net;
using System.Text.Json;

namespace YouthJustice.Sdk.Web.Tests;

public sealed class UploadTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Fact]
    public async Task A_broken_zip_is_not_imported_and_its_report_names_file_line_field_and_reason_for_every_bad_row()
    {
        var client = await factory.SignedIn();
        var dataset = TestData.Generate(seed: 7);
        var zip = TestData.Zip(dataset, TestData.BreakBirthDates);
        var response = await client.PostAsync("/api/datasets", TestData.Upload(zip, "broken.zip"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var answer = await TestData.JsonOf(response);
        Assert.False(answer.GetProperty("succeeded").GetBoolean());
        var report = answer.GetProperty("importReport");
        var errors = report.GetProperty("errors").EnumerateArray().Where(e => e.GetProperty("file").GetString() == "children.csv").ToList();
        Assert.Equal([2, 3], errors.Select(e => e.GetProperty("line").GetInt32()).Order());
        Assert.All(errors, e => Assert.Equal("date_of_birth", e.GetProperty("field").GetString()));
        Assert.All(errors, e => Assert.NotEmpty(e.GetProperty("reason").GetString()!));
        foreach (var file in report.GetProperty("files").EnumerateArray())
        {
            Assert.Equal(file.GetProperty("read").GetInt64(), file.GetProperty("accepted").GetInt64() + file.GetProperty("rejected").GetInt64());
        }
        Assert.Equal(report.GetProperty("read").GetInt64(), report.GetProperty("accepted").GetInt64() + report.GetProperty("rejected").GetInt64());

        // The stored report and the page show the same rows.
        var list = await TestData.JsonOf(await client.GetAsync("/api/datasets"));
        var stored = list.EnumerateArray().First(d => d.GetProperty("name").GetString() == "broken.zip");
        Assert.False(stored.GetProperty("succeeded").GetBoolean());
        var page = await client.GetStringAsync($"/datasets/{stored.GetProperty("id").GetString()}/import");
        Assert.Contains("Not imported", page, StringComparison.Ordinal);
        Assert.Contains("31/02/2008", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_JSON_upload_imports_and_reports_on_it()
    {
        var client = await factory.SignedIn();
        var response = await client.PostAsync("/api/datasets", TestData.Upload(TestData.Json(TestData.Generate(seed: 11)), "good.json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var answer = await TestData.JsonOf(response);
        var id = answer.GetProperty("id").GetString();
        var report = await TestData.JsonOf(await client.GetAsync($"/api/reports?dataset={id}&period=2022/23"));
        Assert.NotEmpty(report.GetProperty("figures").EnumerateArray());
        var dashboard = await client.GetAsync($"/?dataset={id}&period=2022/23");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_not_a_dataset_is_a_problem_naming_the_file_field()
    {
        var client = await factory.SignedIn();
        var response = await client.PostAsync("/api/datasets", TestData.Upload("hello"u8.ToArray(), "notes.txt"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await TestData.JsonOf(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        var empty = await client.PostAsync("/api/datasets", new MultipartFormDataContent());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_is_refused_without_a_stack_trace()
    {
        var client = await factory.SignedIn();
        var big = new byte[(int)Samples.Web.WebSettings.MaxUploadBytes + 1024];
        var response = await client.PostAsync("/api/datasets", TestData.Upload(big, "big.json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }
}
