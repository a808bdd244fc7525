using System.Reflection;

namespace AutoFinance.Web.Components.Origination;

/// <summary>The application form as a draft's values (by field name) and back; names that are not form fields are ignored.</summary>
public static class ApplicationFormDraft
{
    private static readonly Dictionary<string, PropertyInfo> Properties = ApplicationFields.All
        .ToDictionary(f => f.Name, f => typeof(ApplicationForm).GetProperty(f.Name)!, StringComparer.Ordinal);

    public static Dictionary<string, string?> Values(ApplicationForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return ApplicationFields.All.ToDictionary(f => f.Name, f => f.Get(form), StringComparer.Ordinal);
    }

    /// <summary>Values read from a posted form (<c>Form.Make</c> and so on).</summary>
    public static Dictionary<string, string?> Values(IFormCollection posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        return ApplicationFields.All.ToDictionary(f => f.Name, f => posted["Form." + f.Name].FirstOrDefault(), StringComparer.Ordinal);
    }

    public static void Fill(ApplicationForm form, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (name, value) in values)
        {
            if (Properties.TryGetValue(name, out var property))
            {
                property.SetValue(form, value);
            }
        }
    }
}
