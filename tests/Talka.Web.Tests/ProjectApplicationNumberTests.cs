using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Talka.Web.Tests;

/// <summary>A project typed in from a text keeps the number of the application it came from: the API returns it, the
/// public page shows it, and the same number cannot come twice in one call.</summary>
public sealed class ProjectApplicationNumberTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    [Fact]
    public async Task A_project_created_with_an_application_number_keeps_and_shows_it()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/calls?year=2022"))[0].GetProperty("id").GetGuid();
        var organisation = await TestAccounts.OrganisationAsync(factory, "Asociacija „Paraiškos numeris“");
        var number = "NVOK-2022-" + Random.Shared.Next(1000, 9999);
        var project = new
        {
            callId = call,
            organisationId = organisation,
            title = "Projektas iš paraiškos",
            start = "2022-01-01",
            end = "2022-12-31",
            applicationNumber = $"  {number} ",
        };
        var id = await (await admin.PostAsJsonAsync("/api/v1/projects", project)).IdOf();

        var read = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}");
        Assert.Equal(number, read.GetProperty("applicationNumber").GetString());
        (await admin.PutAsJsonAsync($"/api/v1/projects/{id}/published", new { published = true })).EnsureSuccessStatusCode();
        var page = Html.Text(await factory.Browser().GetStringAsync($"/projects/details/{id}"));
        Assert.Contains("Paraiškos numeris", page);
        Assert.Contains(number, page);

        var again = await admin.PostAsJsonAsync("/api/v1/projects", project);
        Assert.Equal(
            $"Paraiška Nr. {number} šiame konkurse jau yra.",
            await again.FieldErrorAsync("ApplicationNumber")
        );
    }
}
