using System.Reflection;
using System.Reflection.Emit;
using SQLitePCL;

namespace AutoFinance.Infrastructure.Persistence;

/// <summary>
/// A SQLitePCL provider that passes every call to another one, but for the calls given hooks: a hook is a public static
/// method taking the inner provider first, then the call's own parameters. The provider interface has some 150
/// members, several with span and <see cref="utf8z"/> parameters, which a <see cref="DispatchProxy"/> cannot carry and
/// the provider's classes are sealed, so the forwarding type is emitted once, each member two or three instructions.
/// </summary>
internal static class ProviderHooks
{
    public static ISQLite3Provider Wrap(ISQLite3Provider inner, params (string Call, MethodInfo Hook)[] hooks)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("AutoFinance.SqliteProviderHooks"), AssemblyBuilderAccess.Run);
        var type = assembly.DefineDynamicModule("Hooks").DefineType("HookedProvider", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class);
        type.AddInterfaceImplementation(typeof(ISQLite3Provider));
        var innerField = type.DefineField("_inner", typeof(ISQLite3Provider), FieldAttributes.Private | FieldAttributes.InitOnly);

        var constructor = type.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, [typeof(ISQLite3Provider)]);
        var init = constructor.GetILGenerator();
        init.Emit(OpCodes.Ldarg_0);
        init.Emit(OpCodes.Call, typeof(object).GetConstructor(Type.EmptyTypes)!);
        init.Emit(OpCodes.Ldarg_0);
        init.Emit(OpCodes.Ldarg_1);
        init.Emit(OpCodes.Stfld, innerField);
        init.Emit(OpCodes.Ret);

        var used = new HashSet<MethodInfo>();
        foreach (var call in typeof(ISQLite3Provider).GetMethods())
        {
            var parameters = call.GetParameters().Select(p => p.ParameterType).ToArray();
            var method = type.DefineMethod(call.Name, MethodAttributes.Private | MethodAttributes.Virtual | MethodAttributes.Final | MethodAttributes.HideBySig | MethodAttributes.NewSlot,
                call.ReturnType, parameters);
            var il = method.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldfld, innerField);
            for (var i = 1; i <= parameters.Length; i++)
            {
                il.Emit(OpCodes.Ldarg, i);
            }

            var hook = hooks.FirstOrDefault(h => h.Call == call.Name && h.Hook.ReturnType == call.ReturnType
                && h.Hook.GetParameters().Select(p => p.ParameterType).SequenceEqual([typeof(ISQLite3Provider), .. parameters])).Hook;
            if (hook is null)
            {
                il.Emit(OpCodes.Callvirt, call);
            }
            else
            {
                il.Emit(OpCodes.Call, hook);
                used.Add(hook);
            }

            il.Emit(OpCodes.Ret);
            type.DefineMethodOverride(method, call);
        }

        if (hooks.FirstOrDefault(h => !used.Contains(h.Hook)) is { Hook: not null } unused)
        {
            throw new InvalidOperationException($"the provider has no call {unused.Call} taking what {unused.Hook.Name} takes");
        }

        return (ISQLite3Provider)Activator.CreateInstance(type.CreateType(), inner)!;
    }
}
