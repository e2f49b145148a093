using Rho.Fast;
using Rho.Fast.Serialization;

// A union of this project's own: the generator comes from the package's analyzers folder.
string json = Wire.Serialize(new Command.Move(1, 2));
Console.WriteLine(json);
Console.WriteLine(Wire.Deserialize<Command>(json) == new Command.Move(1, 2));
Console.WriteLine(Wire.Serialize(new Command.Say("hi \"there\"")));
Console.WriteLine(Wire.Serialize(new Command.Quit()));

// A session file with a torn last line, read back with the reference reader's repair.
string path = Path.Combine(args[0], "session.jsonl");
await using (var file = new StreamWriter(path))
{
    file.Write(Wire.Serialize(new SessionEntry.Header(1, "00000000-0000-4000-8000-000000000000", "1750000000", "/w")) + "\n");
    file.Write(Wire.Serialize(new SessionEntry.MessageEntry("1750000001", Message.UserText("list the files"))) + "\n");
    file.Write(Wire.Serialize(new SessionEntry.MessageEntry("1750000002", Message.AssistantText("Sure."))) + "\n");
    file.Write("{\"type\":\"message\",\"timest");
}

SessionReadResult read = await SessionReader.ReadMessagesAsync(path);
Console.WriteLine(read.Messages.Count + " messages, torn tail at line " + read.Summary.TornTail?.LineNumber + ", header " + read.Summary.Header?.Id);
foreach (Message message in read.Messages)
{
    Console.WriteLine(Wire.Serialize(message));
}

// A store listed through its session index: the package brings SQLite and its native library.
var store = new SessionStore(Path.Combine(args[0], "store"));
using (Session session = store.Create("/w"))
{
    session.Append(Message.UserText("index me"));
}

SessionInfo listed = store.List("/w").Single();
Console.WriteLine("listed " + listed.MessageCount + " message: " + listed.FirstUserMessage + ", index " + File.Exists(Path.Combine(store.Root, "rho-fast-index.sqlite3")));

[TaggedUnion(Tag = "type", RenameAll = RenameRule.SnakeCase)]
public abstract partial record Command
{
    public sealed record Move(int X, int Y) : Command;
    public sealed record Say(string Text) : Command;
    public sealed record Quit : Command;
}
