using NJsonSchema;
using NSwag;

namespace ContractRegie.Web.Hosting.OpenApi;

/// <summary>The one schema of every error answer: RFC 9457 problem details as <see cref="ApiProblemHandler"/> and the endpoints write them.</summary>
public static class ProblemSchema
{
    public const string Name = "Problem";
    public const string MediaType = "application/problem+json";

    /// <summary>The document's Problem schema, added on first use.</summary>
    public static JsonSchema In(OpenApiDocument document)
    {
        if (document.Components.Schemas.TryGetValue(Name, out var existing))
        {
            return existing;
        }
        var schema = new JsonSchema
        {
            Type = JsonObjectType.Object,
            Description = "RFC 9457 problem details. Field errors are under errors, keyed by the camelCase field path; an import's rejected rows under rowErrors.",
            AllowAdditionalProperties = true,
        };
        Add(schema, "type", JsonObjectType.String, "A URI for the kind of problem.", required: false, format: "uri-reference");
        Add(schema, "title", JsonObjectType.String, "What went wrong, in Dutch.", required: true);
        Add(schema, "status", JsonObjectType.Integer, "The HTTP status code.", required: true, format: "int32");
        Add(schema, "detail", JsonObjectType.String, "What went wrong in this request, and what to do about it, in Dutch.", required: true);
        Add(schema, "instance", JsonObjectType.String, "The request that failed.", required: false);
        Add(schema, "traceId", JsonObjectType.String, "The request's id in the service's log.", required: false);
        schema.Properties["errors"] = new JsonSchemaProperty
        {
            Type = JsonObjectType.Object,
            Description = "Per field (camelCase path), its messages.",
            AdditionalPropertiesSchema = new JsonSchema { Type = JsonObjectType.Array, Item = new JsonSchema { Type = JsonObjectType.String } },
        };
        document.Components.Schemas[Name] = schema;
        return schema;
    }

    private static void Add(JsonSchema schema, string name, JsonObjectType type, string description, bool required, string? format = null) =>
        schema.Properties[name] = new JsonSchemaProperty { Type = type, Description = description, IsRequired = required, Format = format };
}
