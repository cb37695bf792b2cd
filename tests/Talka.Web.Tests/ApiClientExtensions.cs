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
            ? (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("event").GetProperty("version").GetInt32()
            : 0;
        return await api.PutAsJsonAsync(url + "/attendance", new { version, marks });
    }
}
