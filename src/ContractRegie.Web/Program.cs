using ContractRegie.Web.Apis.Contracts;
using ContractRegie.Web.Apis.Providers;
using ContractRegie.Web.Hosting;

NJsonSchemaShim.Install();

var builder = WebApplication.CreateBuilder(args);
builder.AddContractRegieDatabase();
builder.Services.AddContractRegieApi();

var app = builder.Build();
app.UseContractRegieApi();
app.MapProvidersApi();
app.MapContractsApi();
app.MapContractTermsApi();

app.PrepareDatabase();
app.Run();

/// <summary>Visible to the end-to-end tests' WebApplicationFactory.</summary>
public partial class Program;
