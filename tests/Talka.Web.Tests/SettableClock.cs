using Talka.Domain.Common;

namespace Talka.Web.Tests;

/// <summary>The app's clock set to a chosen moment (a Friday before a holiday, a minute after a deadline), moving on
/// only when a test moves it. Timers still run on real time.</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    /// <summary>Sets the clock to a Vilnius wall-clock time.</summary>
    public void SetVilnius(DateTime vilnius) =>
        Now = new DateTimeOffset(
            TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(vilnius, DateTimeKind.Unspecified), LtFormat.Vilnius),
            TimeSpan.Zero
        );
}
