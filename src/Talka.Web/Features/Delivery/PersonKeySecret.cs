using System.Security.Cryptography;
using Talka.Domain.Delivery;

namespace Talka.Web.Features.Delivery;

/// <summary>
/// The server secret behind participants' keyed hashes. Configured as Talka:PersonKeySecret (base64, at least 32
/// bytes);
/// on a single server without that setting it is made once and kept in the data folder (person-key.secret).
/// Several instances, or a restore elsewhere, need the same configured secret, or the same person counts twice.
/// </summary>
public sealed class PersonKeySecret(IConfiguration configuration)
{
    private readonly Lazy<byte[]> _secret = new(() => Load(configuration));

    public string KeyFor(PersonIdentifier identifier) => PersonKeys.Compute(identifier, _secret.Value);

    private static byte[] Load(IConfiguration configuration)
    {
        if (configuration["Talka:PersonKeySecret"] is { Length: > 0 } configured)
        {
            var bytes = Convert.FromBase64String(configured);
            return bytes.Length >= 32 ? bytes : throw new InvalidOperationException("Talka:PersonKeySecret must be at least 32 bytes (base64).");
        }
        var directory = Path.GetFullPath(configuration["Talka:DataDirectory"] ?? "data");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "person-key.secret");
        if (!File.Exists(file))
        {
            try
            {
                using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
                stream.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Select(c => (byte)c).ToArray());
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another request made it first.
            }
        }
        return Convert.FromBase64String(File.ReadAllText(file).Trim());
    }
}
