using ContractRegie.Core.Contracts;

namespace ContractRegie.Core.Tests.Contracts;

public class ProcurementLeadTimesTests
{
    [Fact]
    public void Each_route_has_a_default_and_a_configured_route_overrides_it()
    {
        var leadTimes = new ProcurementLeadTimes();
        leadTimes.Months[ProcurementRoute.OpenHouse] = 2;

        Assert.Equal(12, leadTimes.For(ProcurementRoute.OpenbareProcedure));
        Assert.Equal(3, leadTimes.For(ProcurementRoute.EnkelvoudigOnderhands));
        Assert.Equal(4, leadTimes.For(ProcurementRoute.MeervoudigOnderhands));
        Assert.Equal(9, leadTimes.For(ProcurementRoute.NationaleProcedure));
        Assert.Equal(2, leadTimes.For(ProcurementRoute.OpenHouse));
        Assert.All(Enum.GetValues<ProcurementRoute>(), route => Assert.True(new ProcurementLeadTimes().For(route) > 0, route.ToString()));
    }
}
