using System.Net;
using System.Text.Json;
using ContractRegie.Core.Security;
using ContractRegie.Web.Tests.Infrastructure;

namespace ContractRegie.Web.Tests.OpenApi;

/// <summary>The served OpenAPI document against the NLGov API Design Rules ruleset and a client generated from it.</summary>
public sealed class OpenApiDocumentTests(OpenApiDocumentTests.App app) : IClassFixture<OpenApiDocumentTests.App>
{
    public const string PublicBaseUrl = "https://contractregie.almelo.example/api/v1";

    /// <summary>The host with the API settings of a municipality, so the document shows them.</summary>
    public sealed class App : IDisposable
    {
        public ContractRegieApp Factory { get; } = new()
        {
            Settings = new Dictionary<string, string>
            {
                ["Api:PublicBaseUrl"] = PublicBaseUrl,
                ["Api:Contact:Name"] = "Team Inkoop Sociaal Domein",
                ["Api:Contact:Email"] = "inkoop-sociaal@almelo.example",
                ["Api:Contact:Url"] = "https://www.almelo.example/inkoop",
            },
        };

        public void Dispose() => Factory.Dispose();
    }

    private readonly string _folder = Directory.CreateTempSubdirectory("contractregie-openapi-").FullName;

    private async Task<string> SaveDocumentAsync()
    {
        var path = Path.Combine(_folder, "openapi.json");
        await File.WriteAllTextAsync(path, await app.Factory.CreateClient().GetStringAsync("/api/v1/openapi.json"));
        return path;
    }

    [Fact]
    public async Task The_document_passes_the_NLGov_API_Design_Rules_ruleset_without_errors_or_warnings()
    {
        var document = await SaveDocumentAsync();

        var (_, output) = await NodeTools.RunAsync("spectral", _folder,
            "lint", "--ruleset", Path.Combine(NodeTools.Folder, "nlgov-adr-ruleset.yaml"), "--format", "json", "--quiet", document);

        var findings = JsonDocument.Parse(output[output.IndexOf('[')..]).RootElement.EnumerateArray()
            .Select(f => $"{f.GetProperty("code").GetString()} at {string.Join('.', f.GetProperty("path").EnumerateArray())}: {f.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [Fact]
    public async Task A_TypeScript_client_generated_from_the_document_has_typed_parameters_and_required_fields()
    {
        var document = await SaveDocumentAsync();
        var (generated, generatorOutput) = await NodeTools.RunAsync("openapi-typescript", _folder, document, "--output", "api.d.ts");
        Assert.True(generated == 0, generatorOutput);
        // Each @ts-expect-error line must be an error, or tsc fails: so a string page, an unknown enum value and a
        // provider without its name would all have been accepted by a weaker client.
        await File.WriteAllTextAsync(Path.Combine(_folder, "client.ts"), """
            import type { paths, components } from "./api";

            type ContractQuery = NonNullable<paths["/contracts"]["get"]["parameters"]["query"]>;
            const query: ContractQuery = { page: 2, pageSize: 50, providerId: 7, kind: "Lokaal", endsBefore: "2026-12-31" };
            // @ts-expect-error page is a number
            const textPage: ContractQuery = { page: "2" };
            // @ts-expect-error kind is one of the contract kinds
            const unknownKind: ContractQuery = { kind: "Regionaal" };
            type ProviderQuery = NonNullable<paths["/providers"]["get"]["parameters"]["query"]>;
            // @ts-expect-error active is a boolean
            const textActive: ProviderQuery = { active: "ja" };

            type Provider = components["schemas"]["Provider"];
            // @ts-expect-error a provider always has its name, AGB code and row version
            const partial: Provider = { id: 1 };
            const name: string = ({} as Provider).name;
            // Incremental reads: every provider, contract and term says when it last changed, and the lists filter on it.
            const updatedAt: string = ({} as Provider).updatedAt;
            const termUpdatedAt: string = ({} as components["schemas"]["TariffLine"]).updatedAt;
            const since: ContractQuery = { updatedSince: "2026-03-01T08:00:00Z" };
            type TariffQuery = NonNullable<paths["/contracts/{contractId}/tariffs"]["get"]["parameters"]["query"]>;
            const tariffsSince: TariffQuery = { updatedSince: "2026-03-01T08:00:00Z" };

            type Problem = components["schemas"]["Problem"];
            const detail: string = ({} as Problem).detail;
            type AuditRecord = components["schemas"]["AuditRecord"];
            // @ts-expect-error before and after are JSON objects, not text
            const beforeAsText: string = ({} as AuditRecord).beforeData!;
            export { query, textPage, unknownKind, textActive, partial, name, updatedAt, termUpdatedAt, since, tariffsSince, detail, beforeAsText };
            """);

        var (compiled, compilerOutput) = await NodeTools.RunAsync("tsc", _folder,
            "--strict", "--noEmit", "--target", "es2022", "--module", "es2022", "--moduleResolution", "bundler", "client.ts");

        Assert.True(compiled == 0, compilerOutput);
    }

    [Fact]
    public async Task Each_operation_documents_what_it_accepts_and_every_answer_it_can_give()
    {
        using var json = JsonDocument.Parse(await app.Factory.CreateClient().GetStringAsync("/api/v1/openapi.json"));
        var paths = json.RootElement.GetProperty("paths");
        JsonElement Operation(string path, string method) => paths.GetProperty(path).GetProperty(method);
        List<string> Statuses(string path, string method) => Operation(path, method).GetProperty("responses").EnumerateObject().Select(r => r.Name).Order().ToList();
        List<string> ContentTypes(JsonElement content) => content.EnumerateObject().Select(c => c.Name).ToList();

        Assert.Equal("Eén zorgaanbieder.", Operation("/providers/{id}", "get").GetProperty("summary").GetString());
        // Any role may read: 401 but no 403; a path naming a provider may name none: 404.
        Assert.Equal(["200", "400", "401", "404"], Statuses("/providers/{id}", "get"));
        Assert.Equal(["200", "400", "401", "404"], Statuses("/providers/{id}", "head"));
        Assert.Contains("403", Statuses("/users", "get"));
        Assert.Equal(["200", "400", "401", "403", "404", "409", "412", "413", "415", "428"], Statuses("/providers/{id}", "put"));
        // Every body, JSON or file, can be of a content type the endpoint does not take.
        var withBody = paths.EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => operation.Value.TryGetProperty("requestBody", out _)).Select(operation => (Path: path.Name, Method: operation.Name)))
            .ToList();
        Assert.Contains(("/providers", "post"), withBody);
        Assert.All(withBody, operation => Assert.Contains("415", Statuses(operation.Path, operation.Method)));
        Assert.Contains(Operation("/providers/{id}", "put").GetProperty("parameters").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "If-Match" && p.GetProperty("in").GetString() == "header" && p.GetProperty("required").GetBoolean());
        // Signing in needs no session and is rate limited.
        // (An empty list is left out; the document declares no security of its own.)
        Assert.True(!Operation("/sessions", "post").TryGetProperty("security", out var none) || none.GetArrayLength() == 0);
        Assert.Contains("429", Statuses("/sessions", "post"));
        Assert.Equal(2, Operation("/providers", "get").GetProperty("security").GetArrayLength());

        Assert.Equal(["application/octet-stream", "text/csv"],
            ContentTypes(Operation("/register-imports/{kind}", "post").GetProperty("requestBody").GetProperty("content")).Order());
        Assert.Contains("application/xml", ContentTypes(Operation("/spending-imports", "post").GetProperty("requestBody").GetProperty("content")));
        Assert.Contains("415", Statuses("/spending-imports", "post"));
        Assert.Contains("422", Statuses("/spending-imports", "post"));
        Assert.Equal(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"],
            ContentTypes(Operation("/reconciliation/export", "get").GetProperty("responses").GetProperty("200").GetProperty("content")).Order());

        var problem = Operation("/providers/{id}", "put").GetProperty("responses").GetProperty("412").GetProperty("content");
        Assert.Equal("#/components/schemas/Problem", problem.GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
        var required = json.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("Problem").GetProperty("required")
            .EnumerateArray().Select(r => r.GetString()).Order().ToList();
        Assert.Equal(["detail", "status", "title"], required);
    }

    [Fact]
    public async Task Every_list_is_paged_or_says_why_not()
    {
        using var json = JsonDocument.Parse(await app.Factory.CreateClient().GetStringAsync("/api/v1/openapi.json"));

        var unexplained = json.RootElement.GetProperty("paths").EnumerateObject()
            .Where(path => path.Value.TryGetProperty("get", out var get)
                && get.GetProperty("responses").TryGetProperty("200", out var ok)
                && ok.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var body)
                && body.GetProperty("schema").TryGetProperty("type", out var type) && type.GetString() == "array"
                && !(get.TryGetProperty("description", out var description) && description.GetString()!.StartsWith("Not paged: ", StringComparison.Ordinal)))
            .Select(path => path.Name)
            .ToList();

        Assert.True(unexplained.Count == 0, "Lists without paging and without a \"Not paged: <reason>\" description: " + string.Join(", ", unexplained));
    }

    [Fact]
    public async Task Servers_and_contact_come_from_the_settings_not_from_the_Host_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/openapi.json");
        request.Headers.Host = "evil.example";

        var response = await app.Factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(PublicBaseUrl, json.RootElement.GetProperty("servers")[0].GetProperty("url").GetString());
        var contact = json.RootElement.GetProperty("info").GetProperty("contact");
        Assert.Equal("inkoop-sociaal@almelo.example", contact.GetProperty("email").GetString());
        // Paths are relative to the server URL, which already holds /api/v1.
        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/providers", out _));
        Assert.DoesNotContain(json.RootElement.GetProperty("paths").EnumerateObject(), path => path.Name.StartsWith("/api/v1", StringComparison.Ordinal));
    }
}
