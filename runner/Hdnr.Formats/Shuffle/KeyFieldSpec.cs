namespace Hdnr.Formats.Shuffle;

/// <summary>One <c>-k pos1[,pos2]</c> of Hadoop's key field options (KeyFieldHelper.KeyDescription): fields and characters counted from 1, an end field of 0 meaning the key's end and an end character of 0 the field's end.</summary>
/// <param name="BeginField">The first field.</param>
/// <param name="BeginChar">The first character of the first field.</param>
/// <param name="EndField">The last field; 0 runs to the end of the key.</param>
/// <param name="EndChar">The last character of the last field; 0 is the field's last.</param>
/// <param name="Numeric">Compared as numbers (<c>n</c>), as KeyFieldBasedComparator's own numerical compare.</param>
/// <param name="Reverse">Compared in reverse (<c>r</c>).</param>
public sealed record KeyFieldSpec(int BeginField = 1, int BeginChar = 1, int EndField = 0, int EndChar = 0, bool Numeric = false, bool Reverse = false);
