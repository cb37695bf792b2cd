using System.IO.Compression;
using System.Xml;
using StbImageSharp;
using Talka.Domain.Delivery;
using UglyToad.PdfPig;

namespace Talka.Web.Features.Evidence;

/// <summary>
/// Checks an evidence file by its whole structure, not just its first bytes: a PDF must parse as a PDF with at least one
/// page, an image must decode, an Office package must be a sound ZIP whose content types name a workbook, a document or a
/// presentation. "%PDF-" followed by an executable, a truncated image, or any ZIP renamed .xlsx is refused.
/// </summary>
public static class EvidenceInspector
{
    /// <summary>An image larger than this would take gigabytes to decode: a decompression bomb, not a photo of a sheet.</summary>
    private const long MaxPixels = 60_000_000;
    /// <summary>What an Office package may unpack to, so that a ZIP bomb is refused before it fills the memory.</summary>
    private const long MaxUnpackedBytes = 200L * 1024 * 1024;

    private static readonly string[] MainParts =
    [
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    ];

    public static bool IsSound(EvidenceKind kind, byte[] bytes) => kind switch
    {
        EvidenceKind.Pdf => IsPdf(bytes),
        EvidenceKind.Png or EvidenceKind.Jpeg => IsImage(bytes),
        EvidenceKind.OfficeDocument => IsOfficePackage(bytes),
        _ => false,
    };

    private static bool IsPdf(byte[] bytes)
    {
        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = false });
            if (document.NumberOfPages < 1) return false;
            _ = document.GetPage(1);
            return true;
        }
#pragma warning disable CA1031 // Any failure to parse means "not a PDF"; the library throws many kinds.
        catch (Exception)
        {
            return false;
        }
#pragma warning restore CA1031
    }

    private static bool IsImage(byte[] bytes)
    {
        try
        {
            var info = ImageInfo.FromStream(new MemoryStream(bytes));
            if (info is not { Width: > 0, Height: > 0 } i || (long)i.Width * i.Height > MaxPixels) return false;
            var image = ImageResult.FromMemory(bytes, ColorComponents.RedGreenBlueAlpha);
            return image.Width == i.Width && image.Height == i.Height;
        }
#pragma warning disable CA1031 // stb_image reports a broken image with an exception of its own.
        catch (Exception)
        {
            return false;
        }
#pragma warning restore CA1031
    }

    private static bool IsOfficePackage(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null) return false;
            var xml = new XmlDocument { XmlResolver = null };
            using (var stream = types.Open())
            using (var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
            {
                xml.Load(reader);
            }
            var declared = xml.GetElementsByTagName("Override").Cast<XmlElement>()
                .Select(e => (Part: e.GetAttribute("PartName").TrimStart('/'), Type: e.GetAttribute("ContentType"))).ToList();
            var main = declared.FirstOrDefault(d => MainParts.Contains(d.Type));
            if (main.Part is null || zip.GetEntry(main.Part) is null) return false;
            // Every entry must unpack (a corrupt or truncated package fails here), within a bound.
            long unpacked = 0;
            var chunk = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    unpacked += read;
                    if (unpacked > MaxUnpackedBytes) return false;
                }
            }
            return true;
        }
        catch (Exception error) when (error is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return false;
        }
    }
}
