using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;

namespace Talka.Web.Tests;

/// <summary>The audit log records that a person's data changed, never the data: no name, organisation or person
/// key.</summary>
public sealed class AuditPrivacyTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    [Fact]
    public async Task A_participants_name_organisation_and_key_are_not_copied_into_the_audit_log()
    {
        var id = await TestProjects.CreateAsync(factory, "Audito privatumas");
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var participant = await (await member.PostAsJsonAsync($"/api/v1/projects/{id}/participants", new
        {
            code = "P-1", displayName = "Auditė Slaptoji", organisation = "Slaptųjų bendrija", category = "Other", personalIdentifier = "49001010012",
        })).IdOf();
        (await member.PutAsJsonAsync($"/api/v1/projects/{id}/participants/{participant}", new
        {
            code = "P-1", displayName = "Auditė Pakeistoji", organisation = "Slaptųjų bendrija", category = "Other", version = 0,
        })).EnsureSuccessStatusCode();
        var key = await factory.WithDbAsync(db => db.Set<Talka.Domain.Delivery.Participant>().Where(p => p.Id == participant).Select(p => p.PersonKey).SingleAsync());

        var entries = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == participant.ToString()).OrderBy(a => a.Id).Select(a => a.Changes).ToListAsync());
        Assert.Equal(2, entries.Count);
        foreach (var stored in entries)
        {
            // Read as text, with the JSON escapes of Lithuanian letters undone.
            var changes = System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(stored),
                new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            foreach (var secret in new[] { "Auditė", "Slaptoji", "Pakeistoji", "Slaptųjų", "49001010012" })
                Assert.DoesNotContain(secret, changes);
            if (key is not null) Assert.DoesNotContain(key, changes);
        }
        // That the name changed is still recorded, and the code (the register's own number) is kept.
        Assert.Contains("DisplayName", entries[1]);
        Assert.Contains("P-1", entries[0]);
    }
}
