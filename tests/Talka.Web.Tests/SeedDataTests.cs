using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Talka.Web.Tests;

/// <summary>The five seed projects, as a visitor finds them on the project list and through the API.</summary>
public sealed class SeedDataTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private const char Nbsp = '\u00A0';

    [Fact]
    public async Task The_home_page_speaks_Lithuanian_by_default()
    {
        var response = await factory.Browser().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"lt\">", html);
        Assert.Contains("Finansuoti projektai", Html.Text(html));
    }

    [Fact]
    public async Task The_project_list_shows_all_five_seed_projects_with_their_facts()
    {
        var text = Html.Text(await factory.Browser().GetStringAsync("/projects"));

        // 000: the 2020 call's legal basis, order A1-520 of 2019-09-11.
        Assert.Contains("Nacionalinių nevyriausybinių organizacijų institucinio stiprinimo projektas", text);
        Assert.Contains("VšĮ „Socialinės partnerystės centras“", text);
        Assert.Contains("Nr. A1-520 2019-09-11", text);
        // 001: ends 2022-12-31, agreement with the department.
        Assert.Contains("Nacionalinių NVO vaidmens stiprinimas teikiant viešąsias paslaugas ir vykdant savanoriškos veiklos plėtrą regionuose", text);
        Assert.Contains("Socialinės pagalbos ir priežiūros departamentas", text);
        Assert.Contains("2022-12-31", text);
        // 002: Šeimos santykių institutas, 47 511,61 € used.
        Assert.Contains("Šeimos santykių institutas", text);
        Assert.Contains($"panaudota 47{Nbsp}511,61{Nbsp}€", text);
        // 003: CARITAS, agreement signed 2017-08-31, project to 2017-12-31.
        Assert.Contains("Vilniaus arkivyskupijos CARITAS", text);
        Assert.Contains("pasirašyta 2017-08-31", text);
        Assert.Contains("2017-12-31", text);
        // 004: UAB „Person Premier“, application 08.4.1-ESFA-V-405-01-0001, the service as funding body, 2016–2017.
        Assert.Contains("UAB „Person Premier“", text);
        Assert.Contains("Paraiška Nr. 08.4.1-ESFA-V-405-01-0001", text);
        Assert.Contains("Valstybės vaiko teisių apsaugos ir įvaikinimo tarnyba prie Socialinės apsaugos ir darbo ministerijos", text);
        Assert.Contains("2016-01-01", text);
    }

    [Fact]
    public async Task The_api_lists_the_five_published_projects_to_a_visitor()
    {
        var page = await (await factory.ApiAsAsync(null)).GetFromJsonAsync<JsonElement>("/api/v1/projects");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, page.GetProperty("total").GetInt32());
        var ssi = items.Single(p => p.GetProperty("organisation").GetString() == "Šeimos santykių institutas");
        Assert.Equal(47_511.61m, ssi.GetProperty("reportedFundsUsed").GetDecimal());
        var caritas = items.Single(p => p.GetProperty("organisation").GetString() == "Vilniaus arkivyskupijos CARITAS");
        Assert.Equal("2017-08-31", caritas.GetProperty("agreementSignedOn").GetString());
        Assert.Equal("2017-12-31", caritas.GetProperty("end").GetString());
    }

    [Fact]
    public async Task A_seed_project_shows_its_plan_objectives_and_activities()
    {
        var api = await factory.ApiAsAsync(null);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/projects");
        var id = list.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("organisation").GetString() == "Šeimos santykių institutas").GetProperty("id").GetString();
        var text = Html.Text(await factory.Browser().GetStringAsync($"/projects/details/{id}"));
        Assert.Contains("Stiprinti NVO sektorių, didinant jų darbo efektyvumą teikiant kokybiškas viešąsias paslaugas.", text);
        Assert.Contains("Dvidešimt NVO darbuotojų 11 dienų (88 ak. val.)", text);
        Assert.Contains("5 vnt. po 6 ak. val., viso 30 ak. val.; 106 seminarų dalyviai.", text);
        Assert.Contains("Audito paslauga", text);
        Assert.Contains($"47{Nbsp}511,61{Nbsp}€", text);
    }

    [Fact]
    public async Task The_filters_narrow_the_list_by_year_municipality_and_organisation()
    {
        var api = await factory.ApiAsAsync(null);
        var in2022 = await api.GetFromJsonAsync<JsonElement>("/api/v1/projects?year=2022");
        Assert.Equal(2, in2022.GetProperty("total").GetInt32());
        var vilnius = await api.GetFromJsonAsync<JsonElement>("/api/v1/projects?municipality=Vilniaus%20m.");
        Assert.Equal("Vilniaus arkivyskupijos CARITAS", Assert.Single(vilnius.GetProperty("items").EnumerateArray()).GetProperty("organisation").GetString());
        var one = vilnius.GetProperty("items")[0].GetProperty("organisationId").GetString();
        var byOrganisation = await api.GetFromJsonAsync<JsonElement>($"/api/v1/projects?organisationId={one}");
        Assert.Equal(1, byOrganisation.GetProperty("total").GetInt32());
        var byPage = Html.Text(Html.Table(await factory.Browser().GetStringAsync("/projects?year=2017")));
        Assert.Contains("Vilniaus arkivyskupijos CARITAS", byPage);
        Assert.DoesNotContain("Šeimos santykių institutas", byPage);
    }

    [Fact]
    public async Task The_english_switch_changes_the_interface_language()
    {
        var client = factory.Browser();
        var lithuanian = await client.GetStringAsync("/projects");
        Assert.Contains("<html lang=\"lt\">", lithuanian);
        // The switch needs no token (the public pages carry none, so that they can be cached).
        var response = await client.PostAsync("/account/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en", ["returnUrl"] = "/projects",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetStringAsync("/projects");
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains("Project and organisation", Html.Text(html));
        // The cache keeps each language's page apart.
        Assert.Contains("<html lang=\"lt\">", await factory.Browser().GetStringAsync("/projects"));
    }
}
