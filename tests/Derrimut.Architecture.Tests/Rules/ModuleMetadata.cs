using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Derrimut.BuildingBlocks.Authorization;
using Derrimut.BuildingBlocks.Data;
using Derrimut.BuildingBlocks.Modularity;
using Microsoft.EntityFrameworkCore;

namespace Derrimut.Architecture.Tests.Rules;

/// <summary>
/// Reads what the boundary rules need from the built assemblies: the types each module's IL refers to in other
/// assemblies (its type references: every field, parameter, local, generic argument, cast and call site names one),
/// the permission names it uses, and the entity types of the composed EF model.
/// </summary>
internal static class ModuleMetadata
{
    /// <summary>Every type <paramref name="assembly"/> refers to in another assembly, from its metadata's TypeRef table.</summary>
    public static IReadOnlyList<TypeUse> TypeReferences(Assembly assembly)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var uses = new List<TypeUse>();
        foreach (var handle in reader.TypeReferences)
        {
            if (Resolve(reader, handle) is { } use)
            {
                uses.Add(use);
            }
        }

        return uses;
    }

    /// <summary>
    /// The permission names <paramref name="assembly"/> uses: string literals in its IL (policies, menu entries,
    /// <c>AccessRule.Holding</c> — constants from any module are compiled in as literals) and the policies of its
    /// <c>[Authorize]</c> attributes (pages). Only strings that are declared permission names count.
    /// </summary>
    public static IReadOnlyList<string> PermissionUses(Assembly assembly, IReadOnlySet<string> permissionNames)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        using (var stream = File.OpenRead(assembly.Location))
        using (var pe = new PEReader(stream))
        {
            var reader = pe.GetMetadataReader();
            var handle = MetadataTokens.UserStringHandle(1);
            while (!handle.IsNil)
            {
                var text = reader.GetUserString(handle);
                if (permissionNames.Contains(text))
                {
                    used.Add(text);
                }

                handle = reader.GetNextHandle(handle);
            }
        }

        foreach (var type in assembly.GetTypes())
        {
            foreach (var attribute in type.GetCustomAttributesData().Where(a => a.AttributeType.Name == "AuthorizeAttribute"))
            {
                var values = attribute.ConstructorArguments.Select(a => a.Value as string)
                    .Concat(attribute.NamedArguments.Where(a => a.MemberName == "Policy").Select(a => a.TypedValue.Value as string));
                used.UnionWith(values.OfType<string>().Where(permissionNames.Contains));
            }
        }

        return [.. used.Order(StringComparer.Ordinal)];
    }

    /// <summary>Each permission's declaring module, from every module's <see cref="DerrimutModule.DefinePermissions"/>.</summary>
    public static IReadOnlyDictionary<string, string> PermissionOwners(IEnumerable<DerrimutModule> modules)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var module in modules)
        {
            var context = new PermissionDefinitionContext();
            module.DefinePermissions(context);
            foreach (var permission in context.All)
            {
                owners[permission.Name] = module.Name;
            }
        }

        return owners;
    }

    /// <summary>The composed model's entity types, by the assembly that defines each CLR type.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> EntitiesByAssembly(IReadOnlyList<DerrimutModule> modules)
    {
        var options = new DbContextOptionsBuilder<DerrimutDbContext>();
        DataRegistration.Configure(options, DatabaseProvider.Sqlite, "Data Source=:memory:", modules);
        using var db = new DerrimutDbContext(options.Options);
        return db.Model.GetEntityTypes()
            .Where(e => !e.HasSharedClrType)
            .GroupBy(e => e.ClrType.Assembly.GetName().Name!)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(e => e.ClrType.FullName!).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    private static TypeUse? Resolve(MetadataReader reader, TypeReferenceHandle handle)
    {
        var reference = reader.GetTypeReference(handle);
        var name = reader.GetString(reference.Name);
        var scope = reference.ResolutionScope;
        switch (scope.Kind)
        {
            case HandleKind.AssemblyReference:
                var ns = reader.GetString(reference.Namespace);
                return new TypeUse(reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name), ns.Length == 0 ? name : $"{ns}.{name}");
            case HandleKind.TypeReference:
                // A nested type: its outer type names the assembly.
                return Resolve(reader, (TypeReferenceHandle)scope) is { } outer ? outer with { FullName = $"{outer.FullName}+{name}" } : null;
            default:
                // Module-local or exported-type scopes: not another assembly's type.
                return null;
        }
    }
}
