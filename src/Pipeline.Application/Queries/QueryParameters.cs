using System.Globalization;
using Pipeline.Entities;
using Pipeline.Storage.Rows;

namespace Pipeline.Queries;

/// <summary>Validation of the query-string parameters shared by the API's routes.</summary>
public static class QueryParameters
{
    public const int DefaultTop = 50;
    public const int MaxTop = 1_000;
    public const int MaxTextLength = 200;

    /// <summary>The values of <c>status</c> (an article's state).</summary>
    public const string Statuses = ArticleStatus.Names;

    /// <summary>The values of an entity <c>type</c>.</summary>
    public const string EntityTypes = EntityKey.TypeNames;

    /// <summary>Parses <c>top</c>: absent means <see cref="DefaultTop"/>; otherwise an integer in 1..<see cref="MaxTop"/>.</summary>
    public static bool TryParseTop(string? value, out int top, out QueryProblem? problem)
    {
        problem = null;
        top = DefaultTop;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }
        if (value.Length > 9 || !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1 || top > MaxTop)
        {
            problem = QueryProblem.BadRequest($"'top' must be an integer from 1 to {MaxTop}.");
            return false;
        }
        return true;
    }

    /// <summary>Checks a free-text parameter: present when required, at most <see cref="MaxTextLength"/> characters, no control characters.</summary>
    public static QueryProblem? CheckText(string name, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? QueryProblem.BadRequest($"'{name}' is required.") : null;
        }
        if (value.Length > MaxTextLength)
        {
            return QueryProblem.BadRequest($"'{name}' is longer than {MaxTextLength} characters.");
        }
        foreach (char c in value)
        {
            if (char.IsControl(c))
            {
                return QueryProblem.BadRequest($"'{name}' contains control characters.");
            }
        }
        return null;
    }

    /// <summary>Parses an optional ISO date (yyyy-MM-dd) into its canonical text.</summary>
    public static bool TryParseDate(string name, string? value, out string? date, out QueryProblem? problem)
    {
        date = null;
        problem = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }
        if (value.Length != 10 || !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            problem = QueryProblem.BadRequest($"'{name}' must be a date as yyyy-MM-dd.");
            return false;
        }
        date = parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return true;
    }

    public static QueryProblem BadToken() =>
        QueryProblem.BadRequest("'continuationToken' is not a token this query returned. Start again without it.");
}
