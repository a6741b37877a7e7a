using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace AgentLive.Tailing;

/// <summary>
/// Opens a transcript for reading without ever blocking: a FIFO (or any file that is not a regular file) named like a
/// transcript would block a plain <c>open(2)</c> until a writer appears, holding a read slot and shutdown with it.
/// </summary>
internal static partial class TranscriptFileHandle
{
    private const int LinuxNonBlock = 0x800;
    private const int LinuxCloseOnExec = 0x80000;
    private const int BsdNonBlock = 0x4;
    private const int BsdCloseOnExec = 0x1000000;
    private const int NoSuchFile = 2;
    private const int NotPermitted = 1;
    private const int AccessDenied = 13;
    private const int NotADirectory = 20;

    /// <summary>Opens <paramref name="path"/> for reading, sharing it with its writer and with deletion.</summary>
    /// <exception cref="FileNotFoundException">It does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">It may not be read.</exception>
    /// <exception cref="IOException">It cannot be opened for another reason.</exception>
    public static SafeFileHandle OpenForRead(string path)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD())
        {
            // O_NONBLOCK only changes what open(2) does for FIFOs and devices; reads of a regular file are unaffected.
            int flags = OperatingSystem.IsLinux() ? LinuxNonBlock | LinuxCloseOnExec : BsdNonBlock | BsdCloseOnExec;
            int fd = Open(path, flags);
            if (fd < 0)
            {
                int error = Marshal.GetLastPInvokeError();
                throw error switch
                {
                    NoSuchFile or NotADirectory => new FileNotFoundException($"Could not find '{path}'.", path),
                    AccessDenied or NotPermitted => new UnauthorizedAccessException($"Access to '{path}' is denied."),
                    _ => new IOException($"Could not open '{path}' (error {error}).", error),
                };
            }

            return new SafeFileHandle(fd, ownsHandle: true);
        }

        return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);
    }

    /// <summary>Whether an open file is a regular file: only those can be sought and measured (a FIFO cannot).</summary>
    public static bool IsRegularFile(SafeFileHandle handle)
    {
        try
        {
            _ = RandomAccess.GetLength(handle);
            return true;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Open(string path, int flags);
}
