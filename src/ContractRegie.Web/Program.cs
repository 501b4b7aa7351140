using ContractRegie.Web.Apis.Audit;
using ContractRegie.Web.Apis.Calendar;
using ContractRegie.Web.Apis.Contracts;
using ContractRegie.Web.Apis.Imports;
using ContractRegie.Web.Apis.Jobs;
using ContractRegie.Web.Apis.Monitoring;
using ContractRegie.Web.Apis.Signals;
using ContractRegie.Web.Apis.Providers;
using ContractRegie.Web.Apis.Security;
using ContractRegie.Web.Apis.Spending;
using ContractRegie.Web.Hosting;
using ContractRegie.Web.Jobs;
using ContractRegie.Web.Security;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.For(args) });
builder.AddContractRegieDatabase();
builder.AddContractRegieAuth();
builder.AddSecurityLimits();
builder.AddContractRegieJobs();
builder.Services.AddContractRegieApi();
builder.Services.AddContractRegiePages();
// Last: every registration of routing before it brings back the check this takes out.
builder.Services.CheckBodyContentTypesInEndpoints();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseContractRegieApi();
app.MapSessionsApi();
app.MapUsersApi();
app.MapAuditApi();
app.MapProvidersApi();
app.MapContractsApi();
app.MapContractTermsApi();
app.MapBudgetShareKeyApi();
app.MapRegisterImportsApi();
app.MapOutcomeMeasurementsApi();
app.MapFinancialStatementsApi();
app.MapSpendingApi();
app.MapSignalsApi();
app.MapJobsApi();
app.MapCalendars();
app.MapRazorPages();
await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Visible to the end-to-end tests' WebApplicationFactory.</summary>
public partial class Program;
