using System.Text;

namespace ContractRegie.Data.Import;

/// <summary>
/// A streaming RFC 4180 reader: a quoted field may hold delimiters, doubled quotes and line breaks.
/// Records are read one at a time, so a file is never held in memory whole. It is lenient where
/// spreadsheets are: a quote inside an unquoted field is literal, text after a closing quote is kept,
/// and CR, LF and CRLF all end a line.
/// </summary>
public sealed class CsvReader
{
    private const int BufferSize = 16 * 1024;
    private const char Quote = '"';

    private readonly TextReader _reader;
    private readonly char[] _buffer;
    private int _position;
    private int _length;
    private int _line = 1;

    private CsvReader(TextReader reader, char[] buffer, int length)
    {
        _reader = reader;
        _buffer = buffer;
        _length = length;
        Delimiter = DetectDelimiter(buffer.AsSpan(0, length));
    }

    /// <summary>';' (the Dutch Excel export) or ','.</summary>
    public char Delimiter { get; }

    /// <summary>Opens a reader whose delimiter is the one the header line uses most, ';' when it uses neither.</summary>
    public static async Task<CsvReader> OpenAsync(TextReader reader, CancellationToken cancellationToken = default)
    {
        var buffer = new char[BufferSize];
        var length = await reader.ReadAsync(buffer.AsMemory(), cancellationToken);
        return new CsvReader(reader, buffer, length);
    }

    /// <summary>The next record, or null at the end of the file.</summary>
    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (!await HasCharAsync(cancellationToken))
        {
            return null;
        }
        var startLine = _line;
        var fields = new List<string>();
        var field = new StringBuilder();
        var atFieldStart = true;
        var inQuotes = false;
        // The buffer test first: only every 16K characters is there something to await, and a million-line import
        // would otherwise run the async machinery for every character.
        while (_position < _length || await HasCharAsync(cancellationToken))
        {
            var c = _buffer[_position++];
            if (inQuotes)
            {
                if (c != Quote)
                {
                    await CountLineBreakAsync(c, cancellationToken);
                    field.Append(c);
                }
                else if (await HasCharAsync(cancellationToken) && _buffer[_position] == Quote)
                {
                    field.Append(Quote);
                    _position++;
                }
                else
                {
                    inQuotes = false;
                }
                continue;
            }
            if (c == Quote && atFieldStart)
            {
                inQuotes = true;
                atFieldStart = false;
            }
            else if (c == Delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && await HasCharAsync(cancellationToken) && _buffer[_position] == '\n')
                {
                    _position++;
                }
                _line++;
                break;
            }
            else
            {
                field.Append(c);
                atFieldStart = false;
            }
        }
        if (inQuotes)
        {
            throw new CsvFormatException(startLine, "Een aanhalingsteken wordt niet afgesloten; de rest van het bestand is daardoor onleesbaar.");
        }
        fields.Add(field.ToString());
        return new CsvRecord(startLine, fields);
    }

    private static char DetectDelimiter(ReadOnlySpan<char> start)
    {
        int semicolons = 0, commas = 0;
        var inQuotes = false;
        foreach (var c in start)
        {
            if (c == Quote)
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes && c is '\r' or '\n')
            {
                break;
            }
            else if (!inQuotes)
            {
                semicolons += c == ';' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
            }
        }
        return commas > semicolons ? ',' : ';';
    }

    /// <summary>Counts the physical line a line break inside a quoted field ends; CRLF counts once.</summary>
    private async ValueTask CountLineBreakAsync(char c, CancellationToken cancellationToken)
    {
        if (c == '\n' || (c == '\r' && !(await HasCharAsync(cancellationToken) && _buffer[_position] == '\n')))
        {
            _line++;
        }
    }

    private async ValueTask<bool> HasCharAsync(CancellationToken cancellationToken)
    {
        if (_position < _length)
        {
            return true;
        }
        _length = await _reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
        _position = 0;
        return _length > 0;
    }
}
