using System.Net;
using System.Text.Json;
using ContractRegie.Core.Security;

namespace ContractRegie.Web.Tests.Infrastructure;

/// <summary>The steps the job tests share: a contractmanager with an e-mail address, and a job run through the API.</summary>
public static class JobSteps
{
    /// <summary>A new contractmanager account; the answer is its user name, its address is user name @almelo.example.</summary>
    public static Task<string> CreateManagerAsync(this ContractRegieApp app) => app.CreateUserAsync(Role.Contractmanager, "cm-" + ApiClient.NextDigits(5));

    /// <summary>A new account holding <paramref name="role"/>, displayed as role and user name, with the address user name @almelo.example.</summary>
    public static async Task<string> CreateUserAsync(this ContractRegieApp app, Role role, string userName)
    {
        var admin = await app.CreateClientAsAsync(Role.Beheerder);
        await admin.CreateAsync("/api/v1/users", new
        {
            userName, displayName = $"{role} {userName}", email = $"{userName}@almelo.example", roles = new[] { role.ToString() },
            password = ContractRegieApp.Password,
        });
        return userName;
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
