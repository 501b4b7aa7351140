using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using ContractRegie.Web.Apis;
using ContractRegie.Web.Apis.Contracts;
using ContractRegie.Web.Apis.Signals;
using ContractRegie.Web.Security;
using Microsoft.AspNetCore.Http.Json;
using ContractRegie.Web.Hosting.OpenApi;
using Microsoft.Extensions.Options;

namespace ContractRegie.Web.Hosting;

public static class ApiSetup
{
    public const string OpenApiPath = ApiConventions.BasePath + "/openapi.json";
    public const string SwaggerUiPath = "/swagger";

    public static IServiceCollection AddContractRegieApi(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            ProblemTexts.Complete(context.ProblemDetails, BodyContentTypes.Of(context.HttpContext));
        });
        services.AddExceptionHandler<ApiProblemHandler>();
        // Binding failures throw, so ApiProblemHandler can answer them with problem+json.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(options => Configure(options.SerializerOptions));
        services.AddSingleton<RenewalDecisions>().AddSingleton<SignalActions>();
        services.AddEndpointsApiExplorer();
        services.AddOptions<ApiDocumentOptions>().BindConfiguration(ApiDocumentOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiDocumentOptions>, ApiDocumentOptionsValidation>();
        services.AddSingleton(provider => new NlGovDocumentProcessor(provider.GetRequiredService<IOptions<ApiDocumentOptions>>().Value));
        services.AddOpenApiDocument((settings, provider) =>
        {
            settings.DocumentName = "v1";
            settings.Title = "ContractRegie API";
            settings.Version = ApiConventions.Version;
            settings.Description = "Contract- en leveranciersmanagement voor het sociaal domein (Wmo 2015, Jeugdwet, Participatiewet).";
            settings.SchemaSettings = new NJsonSchema.Generation.SystemTextJsonSchemaGeneratorSettings
            {
                SchemaType = NJsonSchema.SchemaType.OpenApi3,
                SerializerOptions = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)),
            };
            // A query date binds from yyyy-mm-dd text (QueryDate.TryParse): a string with format date, not its struct.
            settings.SchemaSettings.TypeMappers.Add(new NJsonSchema.Generation.TypeMappers.PrimitiveTypeMapper(typeof(QueryDate), schema =>
            {
                schema.Type = NJsonSchema.JsonObjectType.String;
                schema.Format = NJsonSchema.JsonFormatStrings.Date;
            }));
            // Free-form JSON objects (the audit trail's before and after), not the key-value list NJsonSchema sees in them.
            settings.SchemaSettings.TypeMappers.Add(new NJsonSchema.Generation.TypeMappers.PrimitiveTypeMapper(typeof(System.Text.Json.Nodes.JsonObject), schema =>
            {
                schema.Type = NJsonSchema.JsonObjectType.Object;
                schema.AllowAdditionalProperties = true;
            }));
            settings.OperationProcessors.Add(new NlGovOperationProcessor());
            settings.DocumentProcessors.Add(provider.GetRequiredService<NlGovDocumentProcessor>());
        });
        return services;
    }

    public static WebApplication UseContractRegieApi(this WebApplication app)
    {
        app.UseExceptionHandler(PagesSetup.ExceptionPage);
        app.UseStatusCodePages();
        app.UseContractRegieErrorPages();
        app.UseApiConventions();
        // Explicit, so routing sees a HEAD request already turned into its GET (ApiConventions).
        app.UseRouting();
        app.UseCrossSiteWriteProtection();
        app.UseStaticFiles();
        // Before authentication: NLGov ADR API-51 wants the OpenAPI document public and readable from other domains.
        app.UseWhen(http => http.Request.Path.StartsWithSegments(OpenApiPath), branch => branch.Use(async (http, next) =>
        {
            http.Response.Headers.AccessControlAllowOrigin = "*";
            await next(http);
        }));
        app.UseOpenApi(settings =>
        {
            settings.Path = OpenApiPath;
            settings.PostProcess = (document, _) => app.Services.GetRequiredService<NlGovDocumentProcessor>().SetServer(document);
        });
        app.UseContractRegieAuth();
        app.UseSwaggerUi(settings =>
        {
            settings.Path = SwaggerUiPath;
            settings.DocumentPath = OpenApiPath;
        });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }

    /// <summary>camelCase, enums by name only, and unknown fields rejected so a typo is an error, not silently ignored.</summary>
    private static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        return options;
    }
}
