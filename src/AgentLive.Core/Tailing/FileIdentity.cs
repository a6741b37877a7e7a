using System.Buffers.Text;
using Microsoft.Win32.SafeHandles;

namespace AgentLive.Tailing;

/// <summary>Reads the platform's identity of an open file, so a file replaced at the same path is noticed.</summary>
internal static class FileIdentity
{
    private static ReadOnlySpan<byte> InodeKey => "\nino:"u8;

    /// <summary>Returns the inode of an open file on Linux, or 0 where it cannot be had.</summary>
    /// <remarks>
    /// .NET exposes no inode. <c>/proc/self/fdinfo/&lt;fd&gt;</c> has carried an <c>ino:</c> line since Linux 5.14;
    /// reading it avoids a P/Invoke into <c>fstat</c>, whose struct layout differs per architecture.
    /// </remarks>
    public static long Get(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        try
        {
            long fd = handle.DangerousGetHandle().ToInt64();
            using SafeFileHandle info = File.OpenHandle($"/proc/self/fdinfo/{fd}", FileMode.Open, FileAccess.Read);
            Span<byte> buffer = stackalloc byte[512];
            int read = RandomAccess.Read(info, buffer, 0);
            return ParseInode(buffer[..read]);
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    internal static long ParseInode(ReadOnlySpan<byte> fdinfo)
    {
        int at = fdinfo.IndexOf(InodeKey);
        if (at < 0)
        {
            return 0;
        }

        ReadOnlySpan<byte> value = fdinfo[(at + InodeKey.Length)..].TrimStart("\t "u8);
        return Utf8Parser.TryParse(value, out long inode, out _) ? inode : 0;
    }
}
