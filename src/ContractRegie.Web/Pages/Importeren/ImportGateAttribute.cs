using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ContractRegie.Web.Pages.Importeren;

/// <summary>
/// Runs before the antiforgery check reads the form: refuses an import the user may not do before its file is read,
/// and gives the upload the API's size limit for that import. A file over the limit is not read at all; the page
/// says so in Dutch instead of the server's bare 413.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ImportGateAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Before <see cref="AutoValidateAntiforgeryTokenAttribute"/> (1000), which reads the whole form.</summary>
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (ImportChoice.Find(context.RouteData.Values["soort"] as string) is not { } choice)
        {
            context.Result = new NotFoundResult();
            return;
        }
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        if (!(await authorization.AuthorizeAsync(http.User, choice.Policy)).Succeeded)
        {
            context.Result = new ForbidResult();
            return;
        }
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return;
        }
        var limit = http.RequestServices.GetRequiredService<ImportLimit>().MaxBytes;
        if (http.Request.ContentLength > limit)
        {
            context.Result = new RedirectToPageResult(null, new { soort = choice.Slug, teGroot = true });
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
    }
}
