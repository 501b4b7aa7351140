using System.Net;
using System.Text.Json;
using ContractRegie.Core.Security;

namespace ContractRegie.Web.Tests.Infrastructure;

/// <summary>The steps the job tests share: a contractmanager with an e-mail address, and a job run through the API.</summary>
public static class JobSteps
{
    /// <summary>A new contractmanager account; the answer is its user name, its address is user name @almelo.example.</summary>
    public static async Task<string> CreateManagerAsync(this ContractRegieApp app)
    {
        var admin = await app.CreateClientAsAsync(Role.Beheerder);
        var manager = "cm-" + ApiClient.NextDigits(5);
        await admin.CreateAsync("/api/v1/users", new
        {
            userName = manager, displayName = "C. Manager", email = $"{manager}@almelo.example", roles = new[] { "Contractmanager" },
            password = ContractRegieApp.Password,
        });
        return manager;
    }

    /// <summary>Signs in afresh for every run: moving the clock ahead expires earlier sessions, as it should.</summary>
    public static async Task<JsonElement> RunJobAsync(this ContractRegieApp app, string job)
    {
        var admin = await app.CreateClientAsAsync(Role.Beheerder);
        var response = await admin.PostAsync($"/api/v1/jobs/{job}/runs", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var run = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.True("Succeeded" == run.GetProperty("outcome").GetString(), run.ToString());
        return run;
    }
}
