using ContractRegie.Core.Security;

namespace ContractRegie.Web.Tests.Infrastructure;

/// <summary>A test class whose client is signed in with one role before each test.</summary>
public abstract class SignedInTest(ContractRegieApp app, Role role) : IClassFixture<ContractRegieApp>, IAsyncLifetime
{
    protected ContractRegieApp App { get; } = app;
    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync() => Client = await App.CreateClientAsAsync(role);

    public Task DisposeAsync() => Task.CompletedTask;
}
