using System.Globalization;
using System.Security;
using System.Text;

namespace Hdnr.Hadoop.Freezing;

/// <summary>Writes text into a generated project so MSBuild reads it back as written: its special characters <c>%XX</c>-escaped, then XML-escaped.</summary>
/// <remarks>MSBuild expands <c>$(...)</c>, <c>@(...)</c>, <c>%(...)</c> and <c>%XX</c>, splits items at <c>;</c> and globs <c>*</c> and <c>?</c>; its own escape for each is <c>%</c> and the character's two hex digits.</remarks>
internal static class MsBuildText
{
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '%' or '$' or '@' or '\'' or ';' or '?' or '*') escaped.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else escaped.Append(c);
        }
        return SecurityElement.Escape(escaped.ToString());
    }
}
