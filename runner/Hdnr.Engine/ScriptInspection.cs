using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Hdnr.Engine;

/// <summary>What a compiled script touches that only a task process of its own gives it the Hadoop way.</summary>
/// <param name="ReadsProcessState">Whether the script reads environment variables or the current directory (<c>System.Environment</c>, <c>Directory.GetCurrentDirectory</c>): in one shared process those would not be the task's own.</param>
/// <param name="HasAssignableStatics">Whether a class of the script has a static field it can assign (not <c>const</c>, not <c>readonly</c>): threads of one process would share it, where each Hadoop task has its own.</param>
public sealed record ScriptInspection(bool ReadsProcessState, bool HasAssignableStatics)
{
    /// <summary>Inspects the compiled script at <paramref name="assemblyPath"/>, reading its metadata once.</summary>
    public static ScriptInspection Of(string assemblyPath)
    {
        using var file = File.OpenRead(assemblyPath);
        using var pe = new PEReader(file);
        var metadata = pe.GetMetadataReader();
        return new ScriptInspection(ReadsState(metadata), AssignableStatics(metadata));
    }

    private static bool ReadsState(MetadataReader metadata)
    {
        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference) continue;
            var type = metadata.GetTypeReference((TypeReferenceHandle)member.Parent);
            var ns = metadata.GetString(type.Namespace);
            var name = metadata.GetString(type.Name);
            var memberName = metadata.GetString(member.Name);
            // Not every use: compiler-made iterators read Environment.CurrentManagedThreadId.
            if (ns == "System" && name == "Environment" && (memberName.Contains("EnvironmentVariable", StringComparison.Ordinal) || memberName.EndsWith("CurrentDirectory", StringComparison.Ordinal))) return true;
            if (ns == "System.IO" && name == "Directory" && memberName is "GetCurrentDirectory" or "SetCurrentDirectory") return true;
        }
        return false;
    }

    // Top-level variables are fields of each task's own script instance; compiler-made types (lambda caches, data) do not count.
    private static bool AssignableStatics(MetadataReader metadata)
    {
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (metadata.GetString(type.Name).StartsWith('<')) continue;
            foreach (var fieldHandle in type.GetFields())
            {
                var attributes = metadata.GetFieldDefinition(fieldHandle).Attributes;
                if ((attributes & FieldAttributes.Static) != 0 && (attributes & (FieldAttributes.Literal | FieldAttributes.InitOnly)) == 0) return true;
            }
        }
        return false;
    }
}
