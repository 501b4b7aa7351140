using System.Globalization;
using ContractRegie.Core.Common;
using ContractRegie.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ContractRegie.Web.Apis;

/// <summary>
/// Optimistic concurrency over HTTP: a single resource's GET carries its row version as ETag, and a PUT or DELETE must
/// send it back in If-Match, so a change based on an old read is refused instead of silently undoing someone's edit.
/// </summary>
public static class RowVersions
{
    public static string ETag(long rowVersion) => "\"" + rowVersion.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>200 with <paramref name="item"/> and its version as ETag.</summary>
    public static Ok<T> Ok<T>(HttpResponse response, T item) where T : IVersioned
    {
        response.Headers.ETag = ETag(item.RowVersion);
        return TypedResults.Ok(item);
    }

    /// <summary>
    /// The row version If-Match names; null without If-Match. Anything else (a list, a weak tag, *) names no version a row
    /// can have, so it reads as 0 and the write is refused as stale.
    /// </summary>
    public static long? IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            return null;
        }
        return header.Length > 2 && header[0] == '"' && header[^1] == '"'
            && long.TryParse(header.AsSpan(1, header.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : 0;
    }

    /// <summary>A DELETE guarded by If-Match: 204, 428 without If-Match, 412 when stale, 404 when gone.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(HttpRequest request, Func<long, Task<WriteResult>> delete, string what)
    {
        if (IfMatch(request) is not { } rowVersion)
        {
            return ApiProblems.IfMatchRequired();
        }
        return await delete(rowVersion) switch
        {
            WriteResult.Written => TypedResults.NoContent(),
            var refused => ApiProblems.NotWritten(refused, what),
        };
    }
}
