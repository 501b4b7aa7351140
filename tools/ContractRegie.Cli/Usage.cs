using System.Text;
using ContractRegie.Data.Import;

namespace ContractRegie.Cli;

/// <summary>The help text; the import columns come from <see cref="RegisterColumns"/>, so they cannot drift.</summary>
public static class Usage
{
    public static readonly string Text = Build();

    private static string Build()
    {
        var text = new StringBuilder("""
            Gebruik: contractregie <opdracht> [--provider Sqlite|Postgres|SqlServer] [--connection "<connectiestring>"]

            Opdrachten:
              migrate                                    Brengt de database naar het nieuwste schema.
              import <soort> <bestand>                   Importeert een CSV-bestand (soorten hieronder): alles of
                                                         niets. Toont per regel wat er mis is en eindigt met code 1
                                                         als de import is afgewezen.
              import spending <bestand>                  Importeert uitgaven: CSV van de financiële administratie of een
                                                         WMO323/JW323-declaratiebericht (docs/spending-import.md). De sleutel
                                                         voor BSN-pseudoniemen komt uit Spending__PseudonymKey.
              demo-data                                  Vult een leeg register met demogegevens van Almelo.
              add-user <gebruikersnaam> <rollen> "<naam>"
                                                         Maakt een gebruiker aan; rollen gescheiden door komma's
                                                         (Beheerder, Contractmanager, Inkoper, Financien, Lezer).
                                                         Het wachtwoord (minstens 12 tekens) komt via standaardinvoer.
              reset-password <gebruikersnaam>            Zet een nieuw wachtwoord (via standaardinvoer), heft een blokkade
                                                         op en beëindigt de sessies van de gebruiker.
              help                                       Toont deze tekst.

            Database: --provider en --connection, anders de omgevingsvariabelen Database__Provider en
            Database__ConnectionString, anders SQLite in data/contractregie.db.

            CSV-bestanden: puntkomma (Excel, decimale komma) of komma (decimale punt), UTF-8 of Windows-1252.
            Datums dd-mm-jjjj of jjjj-mm-dd; ja/nee, j/n, true/false of 1/0. Kolommen in willekeurige volgorde;
            * = verplicht. Zie docs/import.md.


            """);
        foreach (var kind in Enum.GetValues<RegisterImportKind>())
        {
            text.Append("  ").Append(RegisterColumns.NameOf(kind)).Append(": ")
                .AppendJoin(", ", RegisterColumns.For(kind).Select(c => c.Required ? c.Name + "*" : c.Name))
                .Append('\n');
        }
        text.Append("\nExitcodes: 0 gelukt, 1 mislukt of import afgewezen, 2 verkeerde opdrachtregel.\n");
        return text.ToString();
    }
}
