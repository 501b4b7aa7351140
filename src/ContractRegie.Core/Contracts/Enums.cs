namespace ContractRegie.Core.Contracts;

/// <summary>Who procured the contract: the municipality itself, OZJT for Twente, the VNG nationally, or one-off.</summary>
public enum ContractKind { Lokaal, RegionaalOzjt, Landelijk, Maatwerk }

public enum Law { Wmo, Jeugdwet, Participatiewet }

public enum ProcurementRoute
{
    OpenHouse,
    OpenbareProcedure,
    SocialeEnAndereSpecifiekeDiensten,
    BestuurlijkAanbesteden,
    EnkelvoudigOnderhands,
    /// <summary>A national open procedure (below the European thresholds).</summary>
    NationaleProcedure,
    MeervoudigOnderhands,
}

public enum ContractStatus { Concept, Actief, Verlopen, Beeindigd }

/// <summary>Units of delivery as in iWmo/iJw tariffs.</summary>
public enum TariffUnit { Uur, Dagdeel, Etmaal, Week, Stuk }

public enum RenewalDecisionKind { Verlengen, OpnieuwAanbesteden, Beeindigen, Omzetten }

public enum NormDirection { AtLeast, AtMost }

public enum ReportingFrequency { Kwartaal, Halfjaar, Jaar }
