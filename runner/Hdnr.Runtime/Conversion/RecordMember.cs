using System.Reflection;

namespace Hdnr.Runtime.Conversion;

/// <summary>One member a script's record or class travels with: its name, its type and the property or field that holds it.</summary>
/// <param name="Name">The member's name (a primary constructor's parameter, a property or a field).</param>
/// <param name="Type">The member's declared type.</param>
/// <param name="Member">The property or field read to write the member, and set to build a value when the type has no primary constructor.</param>
public sealed record RecordMember(string Name, Type Type, MemberInfo Member);
