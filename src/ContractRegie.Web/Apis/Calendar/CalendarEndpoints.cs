using System.Text;
using ContractRegie.Core.Notifications;
using ContractRegie.Data.Contracts;
using ContractRegie.Data.Users;
using ContractRegie.Data.Signals;
using ContractRegie.Web.Security;

namespace ContractRegie.Web.Apis.Calendar;

/// <summary>
/// Deadlines for Outlook and other calendars (issue 16): each user's feed of the deadlines they act on, and one contract's
/// deadlines as a download. Files for calendar clients rather than API resources, so they stay out of the OpenAPI document.
/// </summary>
public static class CalendarEndpoints
{
    private const string ContentType = "text/calendar; charset=utf-8";

    public static IEndpointRouteBuilder MapCalendars(this IEndpointRouteBuilder app)
    {
        // A calendar client subscribes without signing in: the secret token in the path is the credential.
        app.MapGet("/agenda/{token}.ics", UserFeed).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/contracten/{id:long}/termijnen.ics", ContractDeadlines).RequireAuthorization(Policies.Read).ExcludeFromDescription();
        return app;
    }

    /// <summary>The feed URL of a token, as the settings page shows it to copy.</summary>
    public static string FeedUrl(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}{request.PathBase}/agenda/{token}.ics";

    /// <summary>A wrong or renewed token, or one of a deactivated user, is simply not found.</summary>
    public static async Task<IResult> UserFeed(string token, CalendarFeedRepository feeds, UserRepository users, ContractRepository contracts,
        MailAddressing addressing)
    {
        if (await feeds.ReadUserIdAsync(token) is not { } userId || await users.ReadByIdAsync(userId) is not { Active: true } user)
        {
            return Results.NotFound();
        }
        var deadlines = DeadlineCalendar.ResponsibleFor(user.UserName, await contracts.ReadAllAsync(), addressing.Routing);
        return Results.Text(DeadlineCalendar.Serialize(deadlines, $"ContractRegie — termijnen van {user.DisplayName}"), ContentType, Encoding.UTF8);
    }

    public static async Task<IResult> ContractDeadlines(long id, ContractRepository contracts)
    {
        if (await contracts.ReadByIdAsync(id) is not { } contract)
        {
            return Results.NotFound();
        }
        var ics = DeadlineCalendar.Serialize(DeadlineCalendar.OfContract(contract).Select(d => d.Deadline), $"ContractRegie — {contract.ContractNumber}");
        return Results.File(Encoding.UTF8.GetBytes(ics), ContentType, $"{contract.ContractNumber}-termijnen.ics");
    }
}
