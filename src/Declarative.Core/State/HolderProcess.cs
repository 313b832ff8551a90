using System.Diagnostics;

namespace Declarative.Core.State;

/// <summary>Whether a lock record's process still runs. Only a holder on this host can be checked; a pid from
/// another host says nothing here.</summary>
public static class HolderProcess
{
    public static bool IsOnThisHost(LockRecord holder) =>
        string.Equals(holder.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase);

    public static bool IsRunningOnThisHost(LockRecord holder)
    {
        if (!IsOnThisHost(holder) || holder.ProcessId <= 0)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(holder.ProcessId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            // No process has that id.
            return false;
        }
        catch (InvalidOperationException)
        {
            // It exited while we looked.
            return false;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // It exists but may not be inspected (another user's process): it runs.
            return true;
        }
    }
}
