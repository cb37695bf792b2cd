using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Talka.Web.Infrastructure.Data;

namespace Talka.Web.Infrastructure.Identity;

/// <summary>
/// Whether a signed-in principal (a session cookie's or a bearer token's) is still its user's: the stamp it carries is
/// the user's current security stamp and the account is not disabled. One query, run on every signed-in request, which
/// also reads what every signed-in page asks next about its user (<see cref="State"/>: the organisations they belong
/// to, their unread notifications), so that a signed-in request makes one round trip to the database for its user, not
/// three. Identity's own check loads the whole user through a user manager built for each request, which cost a
/// signed-in request more than the rest of its authentication; and the query runs on a connection of its own
/// (<see cref="DirectConnections"/>), not through a DbContext, which a request the page cache serves would make for
/// this query alone (on the national dataset at 64 connections,
/// the signed-in floor went from 1 967 to 3 824 req/s measured alike).
/// </summary>
public sealed class SessionStamp(DirectConnections connections, IOptions<IdentityOptions> options)
{
    /// <summary>The user's stamp and state, one row per organisation they belong to (one row with none when they
    /// belong to none). The names are Entity Framework's for these tables and columns on both databases.</summary>
    private const string Query = """
        SELECT u."SecurityStamp", u."DisabledAt" IS NOT NULL,
            (SELECT COUNT(*) FROM "Notifications" n WHERE n."UserId" = u."Id" AND n."ReadAt" IS NULL),
            m."OrganisationId", m."IsManager"
        FROM "AspNetUsers" u
        LEFT JOIN "OrganisationMemberships" m ON m."UserId" = u."Id"
        WHERE u."Id" = @id
        """;

    /// <summary>The signed-in user as this request found them when it checked their stamp; null before the check,
    /// or where it failed.</summary>
    public SignedInState? State { get; private set; }

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        State = null;
        var types = options.Value.ClaimsIdentity;
        if (principal.FindFirstValue(types.UserIdClaimType) is not { } id
            || principal.FindFirstValue(types.SecurityStampClaimType) is not { Length: > 0 } stamp)
            return false;
        await using var connection = connections.Create();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = Query;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = id;
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)
            || reader.IsDBNull(0) || !string.Equals(reader.GetString(0), stamp, StringComparison.Ordinal)
            || reader.GetBoolean(1))
            return false;
        var unread = Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
        HashSet<Guid> organisations = [], managed = [];
        do
        {
            if (reader.IsDBNull(3)) continue;
            var organisation = reader.GetGuid(3);
            organisations.Add(organisation);
            if (reader.GetBoolean(4)) managed.Add(organisation);
        } while (await reader.ReadAsync(ct));
        State = new SignedInState(id, organisations, managed, unread);
        return true;
    }
}
