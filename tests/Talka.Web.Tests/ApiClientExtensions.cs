using System.Net.Http.Json;
using System.Text.Json;

namespace Talka.Web.Tests;

public static class ApiClientExtensions
{
    /// <summary>Replaces an event's attendance as a client would: reads the event's version, then sends the list with
    /// it.</summary>
    public static async Task<HttpResponseMessage> PutAttendanceAsync(this HttpClient api, Guid projectId, Guid eventId, IEnumerable<object> marks)
    {
        var url = $"/api/v1/projects/{projectId}/events/{eventId}";
        var read = await api.GetAsync(url);
        var version = read.IsSuccessStatusCode
            ? (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32()
            : 0;
        return await api.PutAsJsonAsync(url + "/attendance", new { version, marks });
    }

    /// <summary>The first message a 400 problem gives for a field (the test fails if there is none).</summary>
    public static async Task<string> FieldErrorAsync(this HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != System.Net.HttpStatusCode.BadRequest) throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode}: {text}");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        return errors.TryGetProperty(field, out var messages) ? messages[0].GetString()! : throw new Xunit.Sdk.XunitException($"No error for {field}: {text}");
    }
}
