using System.Diagnostics;

namespace AutoFinance.Web.Tests;

public static class Processes
{
    /// <summary>Whether a process with this id is running (one that has exited, or never was, is not).</summary>
    public static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
