using Talka.Web.Infrastructure.Jobs;

namespace Talka.Web.Infrastructure.Email;

public static class EmailModule
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpSettings>(configuration.GetSection("Talka:Smtp"));
        return services.AddScoped<Mailer>().AddJobHandler<EmailJobHandler>();
    }
}
