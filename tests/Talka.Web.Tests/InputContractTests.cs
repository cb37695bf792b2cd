using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Delivery;
using Talka.Domain.Finance;

namespace Talka.Web.Tests;

/// <summary>
/// The API's input contract: whatever a careless or hostile client sends, the answer is a validation problem that names
/// the
/// field in the client's language, never a 500, and nothing is saved.
/// </summary>
public sealed class InputContractTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private const string Event = """{"kind":"Training","topic":"Mokymai","start":"2022-03-01","end":"2022-03-01","sessions":1,"hoursPerSession":2}""";
    private const string Expense = """{"documentType":"Invoice","documentNumber":"SF-1","documentDate":"2022-02-10","supplier":"UAB „Salė“","content":"Salės nuoma","category":"EventsAndTraining","amount":100,"paidOn":"2022-02-11"}""";

    private static string With(string json, string property, string value) =>
        System.Text.RegularExpressions.Regex.Replace(json, $"\"{property}\":(\"[^\"]*\"|[^,}}]+)", $"\"{property}\":{value}");

    private static async Task<HttpResponseMessage> SendAsync(HttpClient api, HttpMethod method, string url, string body, string? language = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (language is not null) request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return await api.SendAsync(request);
    }

    private static async Task<string> FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for {field}: {text}");
        return messages[0].GetString()!;
    }

    private Task<int> CountAsync(Guid projectId) => factory.WithDbAsync(async db =>
        await db.Set<Event>().CountAsync(e => e.ProjectId == projectId) + await db.Set<Expenditure>().CountAsync(e => e.ProjectId == projectId)
        + await db.Set<Participant>().CountAsync(p => p.ProjectId == projectId) + await db.Set<BudgetLine>().CountAsync(l => l.ProjectId == projectId)
        + await db.Set<Attendance>().CountAsync(a => db.Set<Event>().Any(e => e.Id == a.EventId && e.ProjectId == projectId)));

    [Fact]
    public async Task Enums_are_taken_by_name_only_and_an_unknown_one_lists_the_allowed_names()
    {
        var id = await TestProjects.CreateAsync(factory, "Įvesties sutartis: sąrašai");
        var api = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var events = $"/api/v1/projects/{id}/events";

        Assert.StartsWith("Netinkama reikšmė. Leistinos reikšmės: Training, Seminar",
            await FieldErrorAsync(await SendAsync(api, HttpMethod.Post, events, With(Event, "kind", "999")), "Kind"));
        Assert.StartsWith("Netinkama reikšmė. Leistinos reikšmės:",
            await FieldErrorAsync(await SendAsync(api, HttpMethod.Post, events, With(Event, "kind", "\"Koncertas\"")), "Kind"));
        Assert.StartsWith("Netinkama reikšmė.",
            await FieldErrorAsync(await SendAsync(api, HttpMethod.Post, events, Event.TrimEnd('}') + ",\"targetGroups\":[99]}"), "TargetGroups[0]"));
        Assert.StartsWith("Netinkama reikšmė.",
            await FieldErrorAsync(await SendAsync(api, HttpMethod.Post, $"/api/v1/projects/{id}/participants", """{"code":"1","category":77}"""), "Category"));
        Assert.StartsWith("Netinkama reikšmė.",
            await FieldErrorAsync(await SendAsync(api, HttpMethod.Post, $"/api/v1/projects/{id}/expenditures", With(Expense, "documentType", "42")), "DocumentType"));
        // In English for a client that asks for it.
        Assert.StartsWith("Not a valid value. Allowed values:",
            await FieldErrorAsync(await SendAsync(api, HttpMethod.Post, events, With(Event, "kind", "999"), "en"), "Kind"));
        Assert.Equal(0, await CountAsync(id));
    }

    [Fact]
    public async Task An_activity_kind_given_as_a_number_in_the_plan_is_refused()
    {
        var id = await TestProjects.CreateAsync(factory, "Įvesties sutartis: planas");
        var api = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var plan = """{"version":0,"title":"Planas","objectives":[{"text":"Tikslas"}],"activities":[{"objectiveNumber":1,"kind":99,"title":"Veikla"}]}""";
        Assert.StartsWith("Netinkama reikšmė.", await FieldErrorAsync(await SendAsync(api, HttpMethod.Put, $"/api/v1/projects/{id}/plan", plan), "Activities[0].Kind"));
        var nullObjective = """{"version":0,"title":"Planas","objectives":[null]}""";
        Assert.Equal("Šis laukas privalomas.", await FieldErrorAsync(await SendAsync(api, HttpMethod.Put, $"/api/v1/projects/{id}/plan", nullObjective), "Objectives[0]"));
        Assert.Equal("Įvesties sutartis: planas", await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
    }

    [Fact]
    public async Task Nulls_in_lists_are_refused_with_their_position()
    {
        var id = await TestProjects.CreateAsync(factory, "Įvesties sutartis: tuščios reikšmės");
        var api = await factory.ApiAsAsync(TalkaFactory.MemberB);
        Assert.Equal("Šis laukas privalomas.",
            await FieldErrorAsync(await SendAsync(api, HttpMethod.Put, $"/api/v1/projects/{id}/budget", """{"lines":[null],"version":0}"""), "Lines[0]"));
        var eventId = await (await SendAsync(api, HttpMethod.Post, $"/api/v1/projects/{id}/events", Event)).IdOf();
        Assert.Equal("Šis laukas privalomas.",
            await FieldErrorAsync(await SendAsync(api, HttpMethod.Put, $"/api/v1/projects/{id}/events/{eventId}/attendance", """{"marks":[null],"version":0}"""), "Marks[0]"));
        Assert.Equal(1, await CountAsync(id));
    }

    [Theory]
    [InlineData("amount", "1e30", "Amount", "Netinkamas skaičius arba jis per didelis.")]
    [InlineData("amount", "\"NaN\"", "Amount", "Netinkamas skaičius arba jis per didelis.")]
    [InlineData("amount", "10.555", "Amount", "Suma gali turėti ne daugiau kaip du skaitmenis po kablelio (centus).")]
    [InlineData("amount", "2000000000", "Amount", "Suma per didelė: ne daugiau kaip 1\u00A0000\u00A0000\u00A0000,00\u00A0€.")]
    [InlineData("documentDate", "\"2022-02-30\"", "DocumentDate", "Netinkama data. Rašykite metai-mėnuo-diena, pvz., 2022-12-31.")]
    public async Task Impossible_numbers_and_dates_are_refused_with_the_field(string property, string value, string field, string message)
    {
        var id = await TestProjects.CreateAsync(factory, "Įvesties sutartis: " + field + value);
        var api = await factory.ApiAsAsync(TalkaFactory.MemberB);
        Assert.Equal(message, await FieldErrorAsync(await SendAsync(api, HttpMethod.Post, $"/api/v1/projects/{id}/expenditures", With(Expense, property, value)), field));
        Assert.Equal(0, await CountAsync(id));
    }

    [Fact]
    public async Task A_trillion_sessions_is_refused()
    {
        var id = await TestProjects.CreateAsync(factory, "Įvesties sutartis: užsiėmimai");
        var api = await factory.ApiAsAsync(TalkaFactory.MemberB);
        Assert.Equal("Netinkamas skaičius arba jis per didelis.",
            await FieldErrorAsync(await SendAsync(api, HttpMethod.Post, $"/api/v1/projects/{id}/events", With(Event, "sessions", "1e12")), "Sessions"));
        Assert.Equal("Užsiėmimų skaičius turi būti nuo 1 iki 10 000.",
            await FieldErrorAsync(await SendAsync(api, HttpMethod.Post, $"/api/v1/projects/{id}/events", With(Event, "sessions", "20000")), "Sessions"));
        Assert.Equal(0, await CountAsync(id));
    }

    [Theory]
    [InlineData("{\"kind\": \"Training\", ", "Užklausos turinys nėra tinkamas JSON arba neatitinka laukų struktūros.")]
    [InlineData("[]", "Užklausos turinys nėra tinkamas JSON arba neatitinka laukų struktūros.")]
    [InlineData("", "Užklausos turinys tuščias.")]
    public async Task Malformed_json_an_array_for_an_object_and_an_empty_body_get_a_validation_problem(string body, string message)
    {
        var id = await TestProjects.CreateAsync(factory, "Įvesties sutartis: JSON " + body.Length);
        var api = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var response = await SendAsync(api, HttpMethod.Post, $"/api/v1/projects/{id}/events", body);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, errors.EnumerateObject().Single().Value[0].GetString());
        Assert.Equal(0, await CountAsync(id));
    }

    [Fact]
    public async Task A_required_property_left_out_is_refused_by_name()
    {
        var id = await TestProjects.CreateAsync(factory, "Įvesties sutartis: trūkstamas laukas");
        var api = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var eventId = await (await SendAsync(api, HttpMethod.Post, $"/api/v1/projects/{id}/events", Event)).IdOf();
        Assert.Equal("Šis laukas privalomas.",
            await FieldErrorAsync(await SendAsync(api, HttpMethod.Put, $"/api/v1/projects/{id}/events/{eventId}/attendance", """{"version":0}"""), "Marks"));
    }

    [Theory]
    [InlineData("/api/v1/projects?year=0")]
    [InlineData("/api/v1/calls?year=10000")]
    public async Task A_year_out_of_any_range_is_a_validation_problem_not_a_crash(string url)
    {
        var api = await factory.ApiAsAsync(null);
        Assert.Equal("Metai turi būti nuo 1990 iki 2100.", await FieldErrorAsync(await api.GetAsync(url), "year"));
        var page = await factory.Browser().GetAsync("/projects?year=0");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("Metai turi būti nuo 1990 iki 2100.", Html.FieldError(await page.Content.ReadAsStringAsync(), "Year"));
    }

    [Fact]
    public async Task An_unknown_property_is_refused_by_name_instead_of_being_dropped()
    {
        var admin = await factory.ApiAsAsync(TalkaFactory.Admin);
        var call = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/calls?year=2022"))[0].GetProperty("id").GetGuid();
        var organisation = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == TestProjects.Organisation).Select(o => o.Id).SingleAsync());
        var body = JsonSerializer.Serialize(new { callId = call, organisationId = organisation, title = "Su paraiškos numeriu", start = "2022-01-01", end = "2022-12-31", applicationCode = "P-77" });
        var message = await FieldErrorAsync(await SendAsync(admin, HttpMethod.Post, "/api/v1/projects", body), "ApplicationCode");
        Assert.Equal("Nežinomas laukas „applicationCode“: tokio lauko API nepriima.", message);
        Assert.False(await factory.WithDbAsync(db => db.Projects.AnyAsync(p => p.Title == "Su paraiškos numeriu")));
    }

    [Fact]
    public async Task A_50_mb_upload_through_a_page_gets_a_lithuanian_message_naming_the_limit_and_nothing_is_saved()
    {
        var id = await TestProjects.CreateAsync(factory, "Įvesties sutartis: didelis failas");
        var api = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var eventId = await (await SendAsync(api, HttpMethod.Post, $"/api/v1/projects/{id}/events", Event)).IdOf();
        var browser = await factory.BrowserAsAsync(TalkaFactory.MemberB);
        var page = await browser.GetStringAsync($"/projects/{id}/events/{eventId}");
        var big = TestFiles.Pdf().Concat(new byte[50 * 1024 * 1024]).ToArray();
        var form = new MultipartFormDataContent
        {
            { new StringContent(Html.Token(page)), "__RequestVerificationToken" },
            { new ByteArrayContent(big), "file", "labai didelis.pdf" },
        };
        var response = await browser.PostAsync($"/projects/{id}/events/{eventId}?handler=Upload", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Failas per didelis", Html.Text(await response.Content.ReadAsStringAsync()));
        Assert.Contains("10 MB", Html.Text(await response.Content.ReadAsStringAsync()));
        Assert.False(await factory.WithDbAsync(db => db.Set<EvidenceFile>().AnyAsync(f => f.ProjectId == id)));
    }
}
