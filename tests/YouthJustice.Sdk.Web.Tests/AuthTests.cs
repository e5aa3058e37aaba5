using System.Net;

namespace YouthJustice.Sdk.Web.Tests;

public sealed class AuthTests(WebFactory factory) : IClassFixture<WebFactory>
{
    [Theory]
    [InlineData("/api/explain?indicator=fte-count&period=2022/23")]
    [InlineData("/api/tracker?period=2021/22")]
    [InlineData("/api/reports?unsuppressed=true")]
    public async Task Child_level_and_unsuppressed_data_are_refused_to_an_anonymous_caller(string url)
    {
        var response = await factory.Anonymous().GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("E08000026-C", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_is_refused_to_an_anonymous_caller_and_its_page_sends_them_to_sign_in()
    {
        var client = factory.Anonymous();
        var api = await client.PostAsync("/api/datasets", TestData.Upload([1, 2, 3], "x.json"));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        var page = await client.GetAsync("/upload");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var explain = await client.GetAsync("/explain?indicator=fte-count");
        Assert.Equal(HttpStatusCode.Redirect, explain.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_does_not_sign_in()
    {
        var client = factory.Anonymous();
        var response = await client.PostAsync("/signin", await WebFactory.SignInForm(client, WebFactory.Analyst, "not-the-password"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("The user name or password is wrong.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/tracker")).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_form_needs_its_anti_forgery_token()
    {
        var client = factory.Anonymous();
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = WebFactory.Analyst,
            ["password"] = WebFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_analyst_gets_explain_ids_the_tracker_and_unsuppressed_figures()
    {
        var client = await factory.SignedIn();
        var explain = await TestData.JsonOf(await client.GetAsync("/api/explain?indicator=fte-count&period=2022/23"));
        // The console's report of the sample prints 64 first time entrants in Coventry in 2022/23.
        Assert.Equal(64, explain.GetProperty("numeratorIds").GetArrayLength());
        Assert.All(explain.GetProperty("numeratorIds").EnumerateArray(), id => Assert.StartsWith("E08000026-C", id.GetString(), StringComparison.Ordinal));

        var tracker = await TestData.JsonOf(await client.GetAsync("/api/tracker?period=2021/22"));
        var reoffences = tracker.EnumerateArray().Select(r => r.GetProperty("reoffences").GetInt32()).ToList();
        Assert.NotEmpty(reoffences);
        Assert.Equal(reoffences.OrderDescending(), reoffences);

        var report = await TestData.JsonOf(await client.GetAsync("/api/reports?period=2022/23&breakdown=sex&unsuppressed=true"));
        Assert.False(report.GetProperty("published").GetBoolean());
        Assert.Contains(report.GetProperty("figures").EnumerateArray(), f => Leak.IsSmallCount(f.GetProperty("numerator").GetString()!));

        var page = await client.GetStringAsync("/explain?indicator=fte-count&period=2022/23");
        Assert.Contains("E08000026-C", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_account_comes_from_the_environment_and_no_other_name_signs_in()
    {
        var client = factory.Anonymous();
        var response = await client.PostAsync("/signin", await WebFactory.SignInForm(client, "admin", "admin"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/signin", await WebFactory.SignInForm(client, WebFactory.Analyst, WebFactory.Password))).StatusCode);
    }
}
