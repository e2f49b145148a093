using System.Collections.Generic;
using System.Linq;
using Rho.Fast.Generators.Samples;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Generators.Tests.Runtime;

/// <summary>Every sample value with the JSON serde_json writes for it, written out by hand.</summary>
public static class SampleCatalog
{
    public static readonly Dictionary<string, WireSample> External = new()
    {
        ["unit"] = WireSample.Of<ExternalCommand>(new ExternalCommand.Ping(), "\"Ping\""),
        ["newtype"] = WireSample.Of<ExternalCommand>(new ExternalCommand.Say("hi"), """{"Say":"hi"}"""),
        ["struct"] = WireSample.Of<ExternalCommand>(new ExternalCommand.Move(1, -2), """{"Move":{"x":1,"y":-2}}"""),
        ["newtype-record"] = WireSample.Of<ExternalCommand>(new ExternalCommand.Place(new Point(3, 4)), """{"Place":{"x":3,"y":4}}"""),
        ["struct-without-fields"] = WireSample.Of<ExternalCommand>(new ExternalCommand.Reset(), """{"Reset":{}}"""),
        ["struct-with-one-field"] = WireSample.Of<ExternalCommand>(new ExternalCommand.Wrap(7), """{"Wrap":{"value":7}}"""),
        ["tuple"] = WireSample.Of<ExternalCommand>(new ExternalCommand.Line(1, -2), """{"Line":[1,-2]}"""),
        // serde_json escapes only '"', '\' and controls below U+0020; DEL, '/', HTML characters and U+2028 stay as they are.
        ["newtype-escaped-string"] = WireSample.Of<ExternalCommand>(
            new ExternalCommand.Say("q\"b\\s/\n\t\r\b\f\u0001\u001f\u007f<é>&'\u2028\U0001F600"),
            "{\"Say\":\"q\\\"b\\\\s/\\n\\t\\r\\b\\f\\u0001\\u001f\u007f<é>&'\u2028\U0001F600\"}"),
    };

    public static readonly Dictionary<string, WireSample> Internal = new()
    {
        ["unit"] = WireSample.Of<InternalEvent>(new InternalEvent.Started(), """{"type":"started"}"""),
        ["newtype-record"] = WireSample.Of<InternalEvent>(new InternalEvent.Placed(new Point(1, 2)), """{"type":"placed","x":1,"y":2}"""),
        ["struct"] = WireSample.Of<InternalEvent>(new InternalEvent.Moved(1, -2), """{"type":"moved","x":1,"y":-2}"""),
        ["struct-with-null"] = WireSample.Of<InternalEvent>(new InternalEvent.TextChanged("new", null), """{"type":"text_changed","new_text":"new","old_text":null}"""),
        ["struct-with-optional-set"] = WireSample.Of<InternalEvent>(new InternalEvent.TextChanged("b", "a"), """{"type":"text_changed","new_text":"b","old_text":"a"}"""),
        ["single-member-struct"] = WireSample.Of<InternalEvent>(new InternalEvent.Renamed("x"), """{"type":"renamed","name":"x"}"""),
    };

    public static readonly Dictionary<string, WireSample> Adjacent = new()
    {
        ["unit"] = WireSample.Of<AdjacentMessage>(new AdjacentMessage.Ping(), """{"t":"Ping"}"""),
        ["newtype"] = WireSample.Of<AdjacentMessage>(new AdjacentMessage.Say("hi"), """{"t":"Say","c":"hi"}"""),
        ["struct"] = WireSample.Of<AdjacentMessage>(new AdjacentMessage.Move(1, -2), """{"t":"Move","c":{"x":1,"y":-2}}"""),
        ["newtype-record"] = WireSample.Of<AdjacentMessage>(new AdjacentMessage.Place(new Point(3, 4)), """{"t":"Place","c":{"x":3,"y":4}}"""),
        ["tuple"] = WireSample.Of<AdjacentMessage>(new AdjacentMessage.Span(0, 255), """{"t":"Span","c":[0,255]}"""),
    };

    public static readonly Dictionary<string, WireSample> MemberTypes = new()
    {
        ["every-scalar-at-one-extreme"] = WireSample.Of<Bag>(
            new Bag.Scalars(
                "hi", true, sbyte.MinValue, byte.MaxValue, short.MinValue, ushort.MaxValue, int.MinValue, uint.MaxValue, long.MinValue, ulong.MaxValue,
                0.5, RawJson.Parse("""{"k": [1, 2]}"""), new ExternalCommand.Move(1, -2), new Point(3, 4),
                [new ExternalCommand.Ping(), new ExternalCommand.Say("x")], ["a", "b"], null, 7),
            """{"kind":"scalars","text":"hi","flag":true,"i8":-128,"u8":255,"i16":-32768,"u16":65535,"i32":-2147483648,"u32":4294967295,"i64":-9223372036854775808,"u64":18446744073709551615,"f64":0.5,"raw":{"k": [1, 2]},"command":{"Move":{"x":1,"y":-2}},"origin":{"x":3,"y":4},"commands":["Ping",{"Say":"x"}],"tags":["a","b"],"note":null,"count":7}""",
            comparesByValue: false),
        ["every-scalar-at-the-other-extreme"] = WireSample.Of<Bag>(
            new Bag.Scalars(
                "", false, sbyte.MaxValue, byte.MinValue, short.MaxValue, ushort.MinValue, int.MaxValue, uint.MinValue, long.MaxValue, ulong.MinValue,
                -1e-7, RawJson.Null, new ExternalCommand.Ping(), new Point(0, 0), [], [], "n", null),
            """{"kind":"scalars","text":"","flag":false,"i8":127,"u8":0,"i16":32767,"u16":0,"i32":2147483647,"u32":0,"i64":9223372036854775807,"u64":0,"f64":-1e-7,"raw":null,"command":"Ping","origin":{"x":0,"y":0},"commands":[],"tags":[],"note":"n","count":null}""",
            comparesByValue: false),
        ["collections-and-optionals"] = WireSample.Of<Bag>(
            new Bag.Collections(
                [new Point(1, 2)], ["w"], [1, null], [["a"], []], [RawJson.Parse("1"), RawJson.Parse("\"s\"")],
                null, new Point(5, 6), RawJson.Parse("[true]"), null, 2.5, false),
            """{"kind":"collections","points":[{"x":1,"y":2}],"words":["w"],"maybe_numbers":[1,null],"rows":[["a"],[]],"raws":[1,"s"],"next":null,"corner":{"x":5,"y":6},"extra":[true],"extras":null,"ratio":2.5,"enabled":false}""",
            comparesByValue: false),
        ["collections-empty-and-optionals-flipped"] = WireSample.Of<Bag>(
            new Bag.Collections([], [], [null], [], [], new ExternalCommand.Say("n"), null, null, [1, 2], null, true),
            """{"kind":"collections","points":[],"words":[],"maybe_numbers":[null],"rows":[],"raws":[],"next":{"Say":"n"},"corner":null,"extra":null,"extras":[1,2],"ratio":null,"enabled":true}""",
            comparesByValue: false),
        ["indexed-list"] = WireSample.Of<Bag>(
            new Bag.Indexed(new List<int> { 1, 2, 3 }, "l"),
            """{"kind":"indexed","numbers":[1,2,3],"label":"l"}""",
            comparesByValue: false),
    };

    public static readonly Dictionary<string, WireSample> Renames = new()
    {
        ["snake-case"] = WireSample.Of<SnakeCaseNames>(new SnakeCaseNames.ToolCall(5, "grep"), """{"tool_call":{"call_id":5,"tool_name":"grep"}}"""),
        ["snake-case-unit"] = WireSample.Of<SnakeCaseNames>(new SnakeCaseNames.HTTPServer(), "\"h_t_t_p_server\""),
        ["camel-case"] = WireSample.Of<CamelCaseNames>(new CamelCaseNames.ToolCall(5, "grep"), """{"toolCall":{"callId":5,"toolName":"grep"}}"""),
        ["camel-case-unit"] = WireSample.Of<CamelCaseNames>(new CamelCaseNames.HTTPServer(), "\"hTTPServer\""),
        ["kebab-case"] = WireSample.Of<KebabCaseNames>(new KebabCaseNames.ToolCall(5, "grep"), """{"tool-call":{"call-id":5,"tool-name":"grep"}}"""),
        ["kebab-case-unit"] = WireSample.Of<KebabCaseNames>(new KebabCaseNames.HTTPServer(), "\"h-t-t-p-server\""),
        ["lowercase"] = WireSample.Of<LowercaseNames>(new LowercaseNames.ToolCall(5, "grep"), """{"toolcall":{"callid":5,"toolname":"grep"}}"""),
        ["lowercase-unit"] = WireSample.Of<LowercaseNames>(new LowercaseNames.HTTPServer(), "\"httpserver\""),
        ["uppercase-with-screaming-snake-fields"] = WireSample.Of<UppercaseNames>(new UppercaseNames.ToolCall(5, "grep"), """{"TOOLCALL":{"CALL_ID":5,"TOOL_NAME":"grep"}}"""),
        ["uppercase-unit"] = WireSample.Of<UppercaseNames>(new UppercaseNames.HTTPServer(), "\"HTTPSERVER\""),
        ["screaming-snake-case-with-fields-as-written"] = WireSample.Of<ScreamingSnakeCaseNames>(new ScreamingSnakeCaseNames.ToolCall(5, "grep"), """{"TOOL_CALL":{"CallId":5,"ToolName":"grep"}}"""),
        ["screaming-snake-case-unit"] = WireSample.Of<ScreamingSnakeCaseNames>(new ScreamingSnakeCaseNames.HTTPServer(), "\"H_T_T_P_SERVER\""),
        ["wire-case-and-wire-name"] = WireSample.Of<Overridden>(new Overridden.ToolCall(5, "d"), """{"op":"custom-name","id":5,"display_name":"d"}"""),
        ["wire-case-on-unit"] = WireSample.Of<Overridden>(new Overridden.Quit(), """{"op":"Quit!"}"""),
        ["record-field-rule-and-wire-name"] = WireSample.Of<CamelRecord>(new CamelRecord(1, "x"), """{"callId":1,"display name":"x"}"""),
        ["keys-needing-escapes"] = WireSample.Of<OddKeys>(new OddKeys(1, 2, 3, 4, 5), """{"quote\"":1,"back\\slash":2,"new\nline":3,"café":4,"":5}"""),
    };

    public static readonly Dictionary<string, WireSample> Records = new()
    {
        ["point"] = WireSample.Of<Point>(new Point(1, -2), """{"x":1,"y":-2}"""),
        ["measurement"] = WireSample.Of<Measurement>(new Measurement(1.0), """{"value":1.0}"""),
        ["flattened-record"] = WireSample.Of<Site>(
            new Site("a", new Place("hall", new Point(1, 2), [0, 1])), """{"id":"a","name":"hall","corner":{"x":1,"y":2},"floors":[0,1]}""", comparesByValue: false),
        ["flattened-two-deep-with-the-catch-all-inside"] = WireSample.Of<Tiered>(
            new Tiered("a", new Tier(1, new Grade(2, "b"), new SortedDictionary<string, JsonValue>(Utf8Order.Instance) { ["other"] = JsonValue.Parse("true") })),
            """{"id":"a","level":1,"rank":2,"label":"b","other":true}""",
            comparesByValue: false),
        ["tuple"] = WireSample.Of<Segment>(new Segment(1, new Point(2, 3), [4]), """[1,{"x":2,"y":3},[4]]""", comparesByValue: false),
    };

    /// <summary>Every sample, keyed by group and name.</summary>
    public static readonly Dictionary<string, WireSample> All = new[]
        {
            ("external", External), ("internal", Internal), ("adjacent", Adjacent), ("members", MemberTypes), ("renames", Renames), ("records", Records),
        }
        .SelectMany(g => g.Item2.Select(p => (Key: g.Item1 + "/" + p.Key, p.Value)))
        .ToDictionary(p => p.Key, p => p.Value);

    public static TheoryData<string> Keys(Dictionary<string, WireSample> samples) => new(samples.Keys);
}
