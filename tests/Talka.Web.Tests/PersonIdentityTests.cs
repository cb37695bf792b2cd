using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Delivery;

namespace Talka.Web.Tests;

/// <summary>
/// One person, one record: within a project the same personal code or e-mail cannot be a second participant, and a
/// personal
/// code with a wrong check digit or a malformed e-mail is refused on the page, in the API and in the import alike.
/// </summary>
public sealed class PersonIdentityTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private static async Task<string> ErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    private Task<int> CountAsync(Guid projectId) => factory.WithDbAsync(db => db.Set<Participant>().CountAsync(p => p.ProjectId == projectId));

    [Fact]
    public async Task The_api_refuses_an_invalid_code_or_e_mail_and_the_same_person_twice()
    {
        var id = await TestProjects.CreateAsync(factory, "Vienas asmuo API");
        var api = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var url = $"/api/v1/projects/{id}/participants";
        Assert.StartsWith("Įrašykite asmens kodą",
            await ErrorAsync(await api.PostAsJsonAsync(url, new { code = "1", category = "Other", personalIdentifier = "39001010001" }), "PersonalIdentifier"));
        Assert.StartsWith("Įrašykite asmens kodą",
            await ErrorAsync(await api.PostAsJsonAsync(url, new { code = "1", category = "Other", personalIdentifier = "ona@pavyzdys" }), "PersonalIdentifier"));
        (await api.PostAsJsonAsync(url, new { code = "1", category = "Other", personalIdentifier = "39001010000" })).EnsureSuccessStatusCode();
        Assert.Equal("Šis asmuo projekte jau įrašytas dalyviu Nr. 1: tas pats asmuo negali būti du kartus.",
            await ErrorAsync(await api.PostAsJsonAsync(url, new { code = "2", category = "Other", personalIdentifier = "3900101-0000" }), "PersonalIdentifier"));
        Assert.Equal(1, await CountAsync(id));
    }

    [Fact]
    public async Task The_page_refuses_the_same_person_twice_beside_the_field()
    {
        var id = await TestProjects.CreateAsync(factory, "Vienas asmuo puslapyje");
        var api = await factory.ApiAsAsync(TalkaFactory.MemberB);
        (await api.PostAsJsonAsync($"/api/v1/projects/{id}/participants", new { code = "1", category = "Other", personalIdentifier = "ona@pavyzdys.lt" }))
            .EnsureSuccessStatusCode();
        var browser = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var form = await browser.GetStringAsync($"/projects/{id}/participants/edit");
        async Task<string> PostAsync(string identifier) => await (await browser.PostAsync($"/projects/{id}/participants/edit", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["Input.Code"] = "2", ["Input.Category"] = "Other", ["Input.PersonalIdentifier"] = identifier,
                ["__RequestVerificationToken"] = Html.Token(form),
            }))).Content.ReadAsStringAsync();
        Assert.Equal("Šis asmuo projekte jau įrašytas dalyviu Nr. 1: tas pats asmuo negali būti du kartus.",
            Html.FieldError(await PostAsync("Ona@Pavyzdys.lt"), "Input.PersonalIdentifier"));
        Assert.StartsWith("Įrašykite asmens kodą", Html.FieldError(await PostAsync("49001010000"), "Input.PersonalIdentifier"));
        Assert.Equal(1, await CountAsync(id));
    }

    [Fact]
    public async Task The_import_refuses_an_invalid_code_and_the_same_person_under_two_codes_naming_the_rows()
    {
        var id = await TestProjects.CreateAsync(factory, "Vienas asmuo importe");
        var api = await factory.ApiAsAsync(TalkaFactory.MemberB);
        (await api.PostAsJsonAsync($"/api/v1/projects/{id}/participants", new { code = "A", category = "Other", personalIdentifier = "39001010000" }))
            .EnsureSuccessStatusCode();
        var csv = "Dalyvio Nr.;Kategorija;Asmens kodas\r\n" +
                  "B;Kita;39001010000\r\n" +        // the project's participant A under another code
                  "C;Kita;jonas@pavyzdys.lt\r\n" +
                  "D;Kita;JONAS@pavyzdys.lt\r\n" +  // the same person as C in this file
                  "E;Kita;39001010001\r\n";         // a wrong check digit
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "dalyviai.csv");
        var status = await (await api.PostAsync($"/api/v1/projects/{id}/imports", form)).Content.ReadFromJsonAsync<JsonElement>();
        var errors = status.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("message").GetString())).ToList();
        Assert.Contains((2, "Šis asmuo projekte jau įrašytas dalyviu Nr. A: tas pats asmuo negali būti du kartus."), errors);
        Assert.Contains((4, "Šis asmuo projekte jau įrašytas dalyviu Nr. C: tas pats asmuo negali būti du kartus."), errors);
        Assert.Contains(errors, e => e.Item1 == 5 && e.Item2!.StartsWith("Asmens kodas netinkamas", StringComparison.Ordinal));
        Assert.Equal(3, errors.Count);
        Assert.Equal(1, await CountAsync(id));
    }
}
