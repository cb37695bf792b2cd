using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Talka.Web.Infrastructure.Identity;
using Talka.Web.Infrastructure.Localization;

namespace Talka.Web.Tests;

public sealed class AccountTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    [Fact]
    public async Task The_api_login_answers_a_bearer_token_that_opens_the_api()
    {
        var api = await factory.ApiAsAsync(null);
        var response = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = TalkaFactory.Admin, password = TalkaFactory.Password });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        var token = body.GetProperty("accessToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/organisations")).StatusCode);
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var organisations = await api.GetFromJsonAsync<JsonElement>("/api/v1/organisations");
        Assert.Equal(7, organisations.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_member_lists_only_their_own_organisation()
    {
        var api = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var organisations = await api.GetFromJsonAsync<JsonElement>("/api/v1/organisations");
        Assert.Equal("Šeimos santykių institutas", Assert.Single(organisations.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_wrong_password_gets_a_lithuanian_message_on_the_login_page()
    {
        var browser = factory.Browser();
        var form = await browser.GetStringAsync("/account/login");
        var page = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = TalkaFactory.Auditor, ["Password"] = "blogas", ["__RequestVerificationToken"] = Html.Token(form),
        }));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Neteisingas el. paštas arba slaptažodis.", Html.Text(await page.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_create_admin_command_makes_a_funder_admin_who_can_log_in()
    {
        var code = await Talka.Web.AdminCommand.RunAsync(factory.Services, ["--email", "vadove@ministerija.lt", "--password", "Labai-slaptas-2026"]);
        Assert.Equal(0, code);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TalkaUser>>();
            var user = await users.FindByEmailAsync("vadove@ministerija.lt");
            Assert.NotNull(user);
            Assert.True(await users.IsInRoleAsync(user, Talka.Domain.Common.Roles.FunderAdmin));
        }
        var api = await factory.ApiAsAsync(null);
        var login = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = "vadove@ministerija.lt", password = "Labai-slaptas-2026" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(2, await Talka.Web.AdminCommand.RunAsync(factory.Services, ["--email", "x@y.lt"]));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var document = await factory.Browser().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/auth/login", "/api/v1/programmes", "/api/v1/calls", "/api/v1/organisations", "/api/v1/projects", "/api/v1/projects/{id}" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
    }

    [Fact]
    public void Lithuanian_and_english_texts_have_the_same_keys_and_no_empty_text()
    {
        var lt = Texts.Load("lt");
        var en = Texts.Load("en");
        Assert.Empty(lt.Keys.Except(en.Keys));
        Assert.Empty(en.Keys.Except(lt.Keys));
        Assert.DoesNotContain(lt, pair => string.IsNullOrWhiteSpace(pair.Value));
        Assert.Contains(lt.Values, v => v.Any(c => "ąčęėįšųūž".Contains(c)));
    }
}
