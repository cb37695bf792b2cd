using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Talka.Domain.Delivery;

namespace Talka.Web.Tests;

/// <summary>Evidence files: checked by content, stored on disk, downloaded only by those who may read the
/// project.</summary>
public sealed class EvidenceTests(TalkaFactory factory) : IClassFixture<TalkaFactory>
{
    private static readonly byte[] Pdf = TestFiles.Pdf();

    private async Task<(Guid ProjectId, Guid EventId)> SsiEventAsync() => await factory.WithDbAsync(async db =>
    {
        var e = await db.Set<Event>().Where(x => db.Projects.Any(p => p.Id == x.ProjectId && db.Organisations.Any(o => o.Id == p.OrganisationId && o.Name == "Šeimos santykių institutas")))
            .OrderBy(x => x.Number).FirstAsync();
        return (e.ProjectId, e.Id);
    });

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient api, Guid projectId, Guid eventId, byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        return await api.PostAsync($"/api/v1/projects/{projectId}/files?owner=Event&ownerId={eventId}", form);
    }

    [Fact]
    public async Task An_attendance_sheet_is_uploaded_and_only_those_who_may_read_the_project_download_it()
    {
        var (projectId, eventId) = await SsiEventAsync();
        var member = await factory.ApiAsAsync(TalkaFactory.MemberB);
        var created = await UploadAsync(member, projectId, eventId, Pdf, "lankomumo žiniaraštis.pdf");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var fileId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var url = $"/api/v1/projects/{projectId}/files/{fileId}";

        var download = await member.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        // The file is kept in the database with its record, where every instance finds it.
        Assert.Equal(Pdf, await factory.WithDbAsync(db => db.Set<Talka.Web.Features.Evidence.EvidenceContent>()
            .Where(c => c.FileId == fileId).Select(c => c.Bytes).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await (await factory.ApiAsAsync(TalkaFactory.Auditor)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ApiAsAsync(TalkaFactory.MemberA)).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await (await factory.ApiAsAsync(null)).GetAsync(url)).StatusCode);
        // The file id under another project the caller can read does not open it either.
        var spcProject = await factory.WithDbAsync(db => db.Projects.Where(p => db.Organisations.Any(o => o.Id == p.OrganisationId && o.Name == "VšĮ „Socialinės partnerystės centras“")).Select(p => p.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ApiAsAsync(TalkaFactory.MemberA)).GetAsync($"/api/v1/projects/{spcProject}/files/{fileId}")).StatusCode);

        var page = Html.Text(await (await factory.BrowserAsAsync(TalkaFactory.MemberB)).GetStringAsync($"/projects/{projectId}/events/{eventId}"));
        Assert.Contains("lankomumo žiniaraštis.pdf", page);
    }

    [Theory]
    [InlineData("programa.pdf", new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03 })]          // a Windows program named .pdf
    [InlineData("archyvas.xlsx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 })]   // a ZIP that is no workbook
    [InlineData("puslapis.pdf", new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E })]     // HTML
    public async Task A_file_whose_content_is_not_allowed_is_refused_whatever_its_name(string name, byte[] bytes)
    {
        var (projectId, eventId) = await SsiEventAsync();
        var response = await UploadAsync(await factory.ApiAsAsync(TalkaFactory.MemberB), projectId, eventId, bytes, name);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Šio failo tipo įkelti negalima", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("File")[0].GetString());
        Assert.False(await factory.WithDbAsync(db => db.Set<EvidenceFile>().AnyAsync(f => f.FileName == name)));
    }

    public static TheoryData<string, byte[]> Counterfeits() => new()
    {
        // "%PDF-" and then a Windows program: the first bytes say PDF, the structure does not.
        { "priedas.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n").Concat(new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00 }).Concat(new byte[4000]).ToArray() },
        // Arrays nested ten thousand deep: enough to overflow a parser's stack, which no catch survives.
        { "gilus.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n" + new string('[', 10_000) + new string(']', 10_000) + "\nendobj\n%%EOF\n") },
        // A PDF cut off after its header and first object.
        { "nukirsta.pdf", TestFiles.Pdf()[..60] },
        // A PNG signature and header with no image data.
        { "nuotrauka.png", TestFiles.Png()[..33] },
        // A ZIP with [Content_Types].xml that names no workbook, document or presentation.
        { "lentele.xlsx", Zip(("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"), ("xl/x.txt", "x")) },
    };

    [Theory]
    [MemberData(nameof(Counterfeits))]
    public async Task A_file_that_only_starts_like_an_allowed_type_is_refused_by_its_structure(string name, byte[] bytes)
    {
        var (projectId, eventId) = await SsiEventAsync();
        var response = await UploadAsync(await factory.ApiAsAsync(TalkaFactory.MemberB), projectId, eventId, bytes, name);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Šio failo tipo įkelti negalima", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("File")[0].GetString());
        Assert.False(await factory.WithDbAsync(db => db.Set<EvidenceFile>().AnyAsync(f => f.FileName == name)));
    }

    [Fact]
    public async Task A_real_image_is_accepted()
    {
        var (projectId, eventId) = await SsiEventAsync();
        var response = await UploadAsync(await factory.ApiAsAsync(TalkaFactory.MemberB), projectId, eventId, TestFiles.Png(), "renginio nuotrauka.png");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task A_file_cannot_be_attached_to_another_projects_event()
    {
        var (projectId, _) = await SsiEventAsync();
        var otherEvent = await factory.WithDbAsync(db => db.Set<Event>().Where(e => e.ProjectId != projectId).Select(e => e.Id).FirstAsync());
        var response = await UploadAsync(await factory.ApiAsAsync(TalkaFactory.MemberB), projectId, otherEvent, Pdf, "x.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
