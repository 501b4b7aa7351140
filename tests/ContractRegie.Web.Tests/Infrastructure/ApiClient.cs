using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ContractRegie.Web.Tests.Infrastructure;

/// <summary>Small steps the API tests repeat: create a provider or contract, count a list, read a problem.</summary>
public static class ApiClient
{
    private static int _sequence;

    public static string NextDigits(int length) =>
        (Interlocked.Increment(ref _sequence) + 10_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture)[^length..];

    public static Dictionary<string, object?> ProviderBody(string? agbCode = null) => new()
    {
        ["name"] = "Zorggroep Twente " + NextDigits(4),
        ["kvkNumber"] = "12345678",
        ["agbCode"] = agbCode ?? "9" + NextDigits(7),
        ["city"] = "Almelo",
        ["contractManager"] = "j.jansen",
    };

    public static Dictionary<string, object?> ContractBody(long providerId, string? number = null) => new()
    {
        ["contractNumber"] = number ?? "ALM-" + NextDigits(6),
        ["title"] = "Ambulante jeugdhulp",
        ["providerId"] = providerId,
        ["kind"] = "Lokaal",
        ["law"] = "Jeugdwet",
        ["procurementRoute"] = "OpenHouse",
        ["municipalities"] = new[] { "0141", "1735" },
        ["startDate"] = "2024-01-01",
        ["initialEndDate"] = "2026-12-31",
        ["extensionOptions"] = new[] { new { durationMonths = 12 }, new { durationMonths = 12 } },
        ["noticePeriodMonths"] = 6,
        ["procurementLeadTimeMonths"] = 6,
        ["contractManager"] = "j.jansen",
        ["status"] = "Actief",
    };

    public static async Task<long> CreateAsync(this HttpClient client, string url, object body)
    {
        var response = await client.PostJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetInt64();
    }

    public static async Task<long> CreateProviderAsync(this HttpClient client) => await client.CreateAsync("/api/v1/providers", ProviderBody());

    public static async Task<int> CountAsync(this HttpClient client, string listUrl)
    {
        using var json = await client.GetJsonAsync(listUrl);
        return json.RootElement.GetProperty("totalCount").GetInt32();
    }

    public static async Task<JsonDocument> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The ETag a GET of <paramref name="url"/> answers with: the version a change must name in If-Match.</summary>
    public static async Task<string> ETagAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return Assert.IsType<EntityTagHeaderValue>(response.Headers.ETag).Tag;
    }

    /// <summary>PUT with If-Match: <paramref name="ifMatch"/>, or else the ETag of a GET just before.</summary>
    public static async Task<HttpResponseMessage> PutMatchingAsync(this HttpClient client, string url, object body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: ContractRegieApp.Json) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch ?? await client.ETagAsync(url)));
        return await client.SendAsync(request);
    }

    /// <summary>DELETE with If-Match: <paramref name="ifMatch"/>, or else the ETag of a GET just before.</summary>
    public static async Task<HttpResponseMessage> DeleteMatchingAsync(this HttpClient client, string url, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.IfMatch.Add(new EntityTagHeaderValue(ifMatch ?? await client.ETagAsync(url)));
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Asserts a problem+json answer with the status and returns the field names it blames.</summary>
    public static async Task<IReadOnlyList<string>> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        return json.RootElement.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().Select(e => e.Name).ToList()
            : [];
    }
}
