using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using Rho.Fast;
using Rho.Fast.CrashWorker;

// A child process for the multi-process tests. Every line it prints is flushed at once, so the
// parent knows exactly which appends were acknowledged when it kills this process.
return args.Length == 0 ? Usage() : args[0] switch
{
    "append" when args.Length == 7 => Append(args[1], args[2], args[3], Int(args[4]), Int(args[5]), Int(args[6])),
    "crash" when args.Length == 4 => Crash(args[1], args[2], ulong.Parse(args[3], CultureInfo.InvariantCulture)),
    "fill" when args.Length == 5 => Fill(args[1], args[2], args[3], long.Parse(args[4], CultureInfo.InvariantCulture)),
    "halves" when args.Length == 6 => Halves(args[1], Int(args[2]), Int(args[3]), Int(args[4]), Int(args[5])),
    "home" when args.Length == 1 => Home(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          append <root> <cwd> <id prefix> <worker> <count> <padding>   resume, print "ready", wait for a line on stdin, append <count> labelled entries
          crash <root> <cwd> <seed>                           resume (or create) the one session of <cwd>, append the crash script forever, "ack <i>" per append
          fill <root> <cwd> <id prefix> <file size limit>     append until the file size limit stops a write, then lift the limit and append once more
          halves <file> <worker> <count> <pause ms> <padding> append <count> labelled user messages, each line in two writes under the folder lock:
                                                              "half <j>", a pause (a line on stdin when negative), the rest, "ack <j>"
          home                                                print the default session root, or the error
        """);
    return 2;
}

static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

// Appends worker-labelled entries: a user message "w<worker>:<j>", and every fifth entry a whole
// tool turn written with one AppendRange, so concurrent writers never split a turn.
static int Append(string root, string cwd, string idPrefix, int worker, int count, int padding)
{
    var store = new SessionStore(root);
    using ResumedSession resumed = store.Resume(cwd, idPrefix);
    Console.Out.WriteLine("ready");
    _ = Console.In.ReadLine();
    for (int j = 0; j < count; j++)
    {
        if (j % 5 == 3)
        {
            resumed.Session.AppendRange(WorkerLabels.ToolTurn(worker, j, padding));
        }
        else
        {
            resumed.Session.Append(Message.UserText(WorkerLabels.Label(worker, j, padding)));
        }
    }

    Console.Out.WriteLine("done");
    return 0;
}

// The writer a follower must never read half of: each line's first half is on disk, and seen,
// for the whole pause before the rest comes. The folder lock keeps Rho.Fast's writers out meanwhile.
static int Halves(string file, int worker, int count, int pause, int padding)
{
    string folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
    int lockFd = Native.open(folder, 0);
    if (lockFd < 0)
    {
        Console.Out.WriteLine("setup-failed open");
        return 3;
    }

    using var output = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
    Console.Out.WriteLine("ready");
    for (int j = 0; j < count; j++)
    {
        string label = WorkerLabels.Label(worker, j, padding);
        string timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        byte[] entry = Rho.Fast.Serialization.Wire.SerializeToUtf8Bytes(new SessionEntry.MessageEntry(timestamp, Message.UserText(label)));
        byte[] line = [.. entry, (byte)'\n'];
        int half = line.Length / 2;
        _ = Native.flock(lockFd, Native.LOCK_EX);
        long end = RandomAccess.GetLength(output.SafeFileHandle);
        RandomAccess.Write(output.SafeFileHandle, line.AsSpan(0, half), end);
        Console.Out.WriteLine("half " + j.ToString(CultureInfo.InvariantCulture));
        if (pause < 0)
        {
            _ = Console.In.ReadLine();
        }
        else
        {
            System.Threading.Thread.Sleep(pause);
        }

        RandomAccess.Write(output.SafeFileHandle, line.AsSpan(half), end + half);
        _ = Native.flock(lockFd, Native.LOCK_UN);
        Console.Out.WriteLine("ack " + j.ToString(CultureInfo.InvariantCulture));
    }

    Console.Out.WriteLine("done");
    return 0;
}

static int Crash(string root, string cwd, ulong seed)
{
    ExitWhenParentGoes();
    var store = new SessionStore(root);
    var script = new CrashScript(seed);
    Session session;
    int next;
    if (store.List(cwd).Count == 0)
    {
        session = store.Create(cwd);
        Console.Out.WriteLine("created " + session.Id);
        next = 0;
    }
    else
    {
        ResumedSession resumed = store.Resume(cwd, "");
        session = resumed.Session;
        next = resumed.Messages.Count;
    }

    using (session)
    {
        // Make the next messages and compile the write path now, so appends start at once after "ready".
        for (int i = next; i < next + 16; i++)
        {
            _ = Rho.Fast.Serialization.Wire.SerializeToUtf8Bytes(script[i]);
        }

        Console.Out.WriteLine("ready " + next.ToString(CultureInfo.InvariantCulture));
        for (int i = next; ; i++)
        {
            session.Append(script[i]);
            Console.Out.WriteLine("ack " + i.ToString(CultureInfo.InvariantCulture));
        }
    }
}

// RLIMIT_FSIZE turns a write past the limit into EFBIG after a short write: a full disk for one
// process, without privileges. SIGXFSZ is ignored so the write fails instead of killing us.
static int Fill(string root, string cwd, string idPrefix, long limit)
{
    var store = new SessionStore(root);
    using ResumedSession resumed = store.Resume(cwd, idPrefix);
    string padding = new('x', 1000);
    if (Native.signal(Native.SIGXFSZ, Native.SIG_IGN) == Native.SIG_ERR)
    {
        Console.Out.WriteLine("setup-failed signal");
        return 3;
    }

    Native.Rlimit previous;
    if (Native.getrlimit(Native.RLIMIT_FSIZE, out previous) != 0 || Native.setrlimit(Native.RLIMIT_FSIZE, new Native.Rlimit { Current = (ulong)limit, Maximum = previous.Maximum }) != 0)
    {
        Console.Out.WriteLine("setup-failed rlimit");
        return 3;
    }

    int i = 0;
    int failures = 0;
    while (failures < 2)
    {
        try
        {
            resumed.Session.Append(Message.UserText("fill " + i.ToString(CultureInfo.InvariantCulture) + " " + padding));
            Console.Out.WriteLine("ack " + i.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception e)
        {
            failures++;
            Console.Out.WriteLine("error " + e.GetType().FullName + "|" + e.Message.ReplaceLineEndings(" "));
        }

        i++;
    }

    // The space comes back: the same open session appends again.
    if (Native.setrlimit(Native.RLIMIT_FSIZE, previous) != 0)
    {
        Console.Out.WriteLine("setup-failed restore");
        return 3;
    }

    try
    {
        // The same text the test expects after space came back (FullDiskTests.Fill.After).
        resumed.Session.Append(Message.UserText("after the disk had room again"));
        Console.Out.WriteLine("ack " + i.ToString(CultureInfo.InvariantCulture));
    }
    catch (Exception e)
    {
        Console.Out.WriteLine("error " + e.GetType().FullName + "|" + e.Message.ReplaceLineEndings(" "));
    }

    Console.Out.WriteLine("done");
    return 0;
}

// The parent holds our stdin open until it kills us; if it dies first, stop instead of appending forever.
static void ExitWhenParentGoes()
{
    var watch = new System.Threading.Thread(() =>
    {
        while (Console.In.ReadLine() is not null)
        {
        }

        Environment.Exit(4);
    })
    { IsBackground = true };
    watch.Start();
}

static int Home()
{
    try
    {
        Console.Out.WriteLine("root " + SessionStore.DefaultRoot());
    }
    catch (Exception e)
    {
        Console.Out.WriteLine("error " + e.GetType().FullName + "|" + e.Message);
    }

    return 0;
}

internal static partial class Native
{
    public const int SIGXFSZ = 25;
    public const int RLIMIT_FSIZE = 1;
    public const int LOCK_EX = 2;
    public const int LOCK_UN = 8;
    public static readonly nint SIG_IGN = 1;
    public static readonly nint SIG_ERR = -1;

    [StructLayout(LayoutKind.Sequential)]
    public struct Rlimit
    {
        public ulong Current;
        public ulong Maximum;
    }

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint signal(int signal, nint handler);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int flock(int fd, int operation);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int getrlimit(int resource, out Rlimit limit);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int setrlimit(int resource, in Rlimit limit);
}
