namespace Talka.Web.Features.Registration;

public static class RegistrationModule
{
    public static IServiceCollection AddRegistration(this IServiceCollection services) =>
        services.AddScoped<RegistrationService>();
}
