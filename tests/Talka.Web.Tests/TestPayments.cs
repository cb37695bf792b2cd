using System.Net.Http.Json;
using System.Text.Json;

namespace Talka.Web.Tests;

/// <summary>The steps of a project's money that tests take on the way to what they check: a tranche paid on
/// signature, the final report submitted and approved.</summary>
public static class TestPayments
{
    /// <summary>Plans a tranche due on signature, approves it and records it paid (the agreement is signed).</summary>
    public static async Task PayOnSignatureAsync(
        HttpClient admin,
        Guid project,
        decimal amount,
        string paidOn,
        string order
    )
    {
        var url = $"/api/v1/projects/{project}";
        var tranche = await (
            await admin.PostAsJsonAsync(
                url + "/payments",
                new
                {
                    amount,
                    plannedOn = paidOn,
                    rule = "OnSignature",
                }
            )
        ).IdOf();
        (
            await admin.PostAsJsonAsync($"{url}/payments/{tranche}/approve", new { version = 0 })
        ).EnsureSuccessStatusCode();
        (
            await admin.PostAsJsonAsync(
                $"{url}/payments/{tranche}/pay",
                new
                {
                    paidOn,
                    paymentOrder = order,
                    version = 1,
                }
            )
        ).EnsureSuccessStatusCode();
    }

    /// <summary>The organisation submits the project's final report and the funder approves it.</summary>
    public static async Task ApproveFinalReportAsync(HttpClient member, HttpClient admin, Guid project)
    {
        var url = $"/api/v1/projects/{project}/reports";
        var final = (await member.GetFromJsonAsync<JsonElement>(url))
            .EnumerateArray()
            .Single(r => r.GetProperty("kind").GetString() == "Final")
            .GetProperty("id")
            .GetGuid();
        var draft = await member.GetFromJsonAsync<JsonElement>($"{url}/{final}");
        (
            await member.PostAsJsonAsync(
                $"{url}/{final}/submit",
                new { version = draft.GetProperty("version").GetInt32() }
            )
        ).EnsureSuccessStatusCode();
        var submitted = await admin.GetFromJsonAsync<JsonElement>($"{url}/{final}");
        (
            await admin.PostAsJsonAsync(
                $"{url}/{final}/approve",
                new { version = submitted.GetProperty("version").GetInt32() }
            )
        ).EnsureSuccessStatusCode();
    }
}
