using System.IO.Compression;
using System.Xml;
using StbImageSharp;
using Talka.Domain.Delivery;
using UglyToad.PdfPig;

namespace Talka.Web.Features.Evidence;

/// <summary>
/// Checks an evidence file by its whole structure, not just its first bytes: a PDF must parse as a PDF with at least
/// one
/// page, an image must decode, an Office package must be a sound ZIP whose content types name a workbook, a document or
/// a
/// presentation. "%PDF-" followed by an executable, a truncated image, or any ZIP renamed .xlsx is refused.
/// </summary>
public static class EvidenceInspector
{
    /// <summary>An image larger than this would take gigabytes to decode: a decompression bomb, not a photo of a
    /// sheet.</summary>
    private const long MaxPixels = 40_000_000;
    /// <summary>Deeper nesting of arrays and dictionaries than any real PDF has; the parser would recurse itself to
    /// death.</summary>
    private const int MaxPdfNesting = 64;
    /// <summary>The content types part of a real package is a few kilobytes.</summary>
    private const int MaxContentTypesBytes = 1024 * 1024;
    /// <summary>What an Office package may unpack to, so that a ZIP bomb is refused before it fills the
    /// memory.</summary>
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
        // A stack overflow cannot be caught: nesting deep enough to cause one is refused before the parser sees it.
        if (NestingDepth(bytes) > MaxPdfNesting) return false;
        try
        {
            // The structure only (cross-references, trailer, catalogue, page tree); no page content or font is parsed.
            using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = false });
            return document.NumberOfPages >= 1;
        }
#pragma warning disable CA1031 // Any failure to parse means "not a PDF"; the library throws many kinds.
        catch (Exception)
        {
            return false;
        }
#pragma warning restore CA1031
    }

    /// <summary>The deepest nesting of [ ] and &lt;&lt; &gt;&gt; outside strings, streams and comments.</summary>
    private static int NestingDepth(byte[] bytes)
    {
        ReadOnlySpan<byte> stream = "stream"u8, endstream = "endstream"u8;
        int depth = 0, deepest = 0, strings = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (strings > 0)
            {
                if (b == (byte)'\\') i++;
                else if (b == (byte)'(') strings++;
                else if (b == (byte)')') strings--;
                continue;
            }
            switch (b)
            {
                case (byte)'(': strings = 1; break;
                case (byte)'%':
                    while (i < bytes.Length && bytes[i] is not ((byte)'\r' or (byte)'\n')) i++;
                    break;
                case (byte)'[': deepest = Math.Max(deepest, ++depth); break;
                case (byte)']': depth = Math.Max(0, depth - 1); break;
                case (byte)'<' when i + 1 < bytes.Length && bytes[i + 1] == (byte)'<': deepest = Math.Max(deepest, ++depth); i++; break;
                case (byte)'>' when i + 1 < bytes.Length && bytes[i + 1] == (byte)'>': depth = Math.Max(0, depth - 1); i++; break;
                case (byte)'s' when bytes.AsSpan(i).StartsWith(stream):
                    var end = bytes.AsSpan(i).IndexOf(endstream);
                    if (end < 0) return deepest;
                    i += end + endstream.Length - 1;
                    break;
            }
        }
        return deepest;
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
            // Read with a cap: the size a ZIP entry declares can lie, and a small upload could unpack to gigabytes.
            var content = new byte[MaxContentTypesBytes + 1];
            int length = 0, read;
            using (var stream = types.Open())
            {
                while (length < content.Length && (read = stream.Read(content, length, content.Length - length)) > 0) length += read;
            }
            if (length > MaxContentTypesBytes) return false;
            var xml = new XmlDocument { XmlResolver = null };
            using (var reader = XmlReader.Create(new MemoryStream(content, 0, length), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
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
                int got;
                while ((got = stream.Read(chunk, 0, chunk.Length)) > 0)
                {
                    unpacked += got;
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
