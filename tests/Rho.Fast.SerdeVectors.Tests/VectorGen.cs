using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using Rho.Fast.Serialization;

namespace Rho.Fast.SerdeVectors.Tests;

/// <summary>
/// CsCheck generators of random values of the 36 vector types, within what serde can hold: strings
/// without lone surrogates, finite floats, and the catch-all's keys apart from the named fields.
/// </summary>
internal static class VectorGen
{
    /// <summary>Text with quotes, escapes, controls, non-ASCII and astral characters; never a lone surrogate.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
            (8, Gen.Char[' ', '~'].Array[1, 8].Select(chars => new string(chars))),
            (2, Gen.Char['\u0000', '\u001f'].Select(c => c.ToString())),
            (2, Gen.OneOf("\"", "\\", "/", "\u007f", "\u2028", "\u0085", "\ufeff", "é", "\\u0041")),
            (2, Gen.Char['\u0080', '\ud7ff'].Select(c => c.ToString())),
            (1, Gen.Char['\ue000', '\uffff'].Select(c => c.ToString())),
            (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)))
        .Array[0, 10]
        .Select(string.Concat);

    public static readonly Gen<double> Double = Gen.Frequency(
        (4, Gen.Double.Where(double.IsFinite)),
        (2, Gen.Int[-1000, 1000].Select(i => (double)i)),
        (1, Gen.OneOf(0.0, -0.0, double.Epsilon, double.MaxValue, double.MinValue, 1e16, 1e-7, 0.1, 2.9802322387695312e-8)));

    public static readonly Gen<float> Single = Gen.Frequency(
        (4, Gen.Single.Where(float.IsFinite)),
        (2, Gen.Int[-1000, 1000].Select(i => (float)i)),
        (1, Gen.OneOf(0f, -0f, float.Epsilon, float.MaxValue, float.MinValue, 1e16f, 0.1f)));

    /// <summary>Any Unicode scalar value.</summary>
    public static readonly Gen<Rune> Rune = Gen.Frequency(
        (3, Gen.Int[0x20, 0x7e]),
        (1, Gen.Int[0, 0xd7ff]),
        (1, Gen.Int[0xe000, 0x10ffff]))
        .Select(i => new Rune(i));

    /// <summary>Any JSON value, as serde_json's <c>Value</c> holds it.</summary>
    public static readonly Gen<JsonValue> Json = Gen.Recursive<string>((depth, self) =>
    {
        Gen<string> leaf = Gen.Frequency(
            (1, Gen.OneOf("null", "true", "false", "0", "-0", "1e5", "-1.5E-7", "[]", "{}")),
            (3, Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture))),
            (1, Gen.ULong.Select(n => n.ToString(CultureInfo.InvariantCulture))),
            (2, Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
            (4, Text.Select(JsonString)));
        if (depth >= 4)
        {
            return leaf;
        }

        Gen<string> array = self.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]");
        Gen<string> obj = Gen.Select(Text, self).Array[0, 4].Select(pairs => "{" + string.Join(",", pairs.Select(p => JsonString(p.Item1) + ":" + p.Item2)) + "}");
        return Gen.Frequency((3, leaf), (1, array), (1, obj));
    }).Select(JsonValue.Parse);

    public static readonly Gen<Optionals> Optionals = Gen.Select(
        Gen.UInt, OrNull(Text), OrNullValue(Double), OrNull(Text), OrNullValue(Gen.Byte), Text.List[0, 3],
        (id, name, score, nickname, retries, tags) => new Optionals(id, name, score, nickname, retries, tags));

    public static readonly Gen<Defaults> Defaults = Gen.Select(
        Gen.UInt, Gen.UInt, Gen.Bool, Text.List[0, 3], Text, OrNull(Text),
        (id, count, enabled, tags, label, note) => new Defaults(id, count, enabled, tags, label, note));

    public static readonly Gen<CaseLowerValue> CaseLower = Gen.Enum<CaseLower>().Select(v => new CaseLowerValue(v));
    public static readonly Gen<CaseSnakeValue> CaseSnake = Gen.Enum<CaseSnake>().Select(v => new CaseSnakeValue(v));
    public static readonly Gen<CaseScreamingValue> CaseScreaming = Gen.Enum<CaseScreaming>().Select(v => new CaseScreamingValue(v));
    public static readonly Gen<CaseKebabValue> CaseKebab = Gen.Enum<CaseKebab>().Select(v => new CaseKebabValue(v));
    public static readonly Gen<CaseCamelValue> CaseCamel = Gen.Enum<CaseCamel>().Select(v => new CaseCamelValue(v));

    public static readonly Gen<CaseHolder> CaseHolder = Gen.Select(
        Gen.Enum<CaseLower>(), Gen.Enum<CaseSnake>(), Gen.Enum<CaseScreaming>(), Gen.Enum<CaseKebab>(), Gen.Enum<CaseCamel>(),
        OrNullValue(Gen.Enum<CaseSnake>()), Gen.Enum<CaseKebab>().List[0, 3], OrNull(Gen.Enum<CaseCamel>().List[0, 3]),
        OrNullValue(Gen.Enum<CaseScreaming>()).List[0, 3], Gen.Enum<CaseLower>().List[0, 3],
        (lower, snake, screaming, kebab, camel, maybe, kebabs, camels, holes, lowers) =>
            new CaseHolder(lower, snake, screaming, kebab, camel, maybe, kebabs, camels, holes, lowers));

    public static readonly Gen<Maps> Maps = Gen.Select(
        Gen.Select(Text, Gen.UInt).Array[0, 4], Gen.Select(Text, Text).Array[0, 4], Gen.Select(Text, Text.List[0, 3]).Array[0, 4],
        Gen.Select(Text, Gen.Long).Array[0, 4], Gen.Select(Gen.UInt, Text).Array[0, 4],
        (counts, labels, groups, scores, byId) => new Maps(
            Fill(new SortedDictionary<string, uint>(Utf8Order.Instance), counts),
            Fill(new Dictionary<string, string>(), labels),
            Fill(new Dictionary<string, List<string>>(), groups),
            Fill(new Dictionary<string, long>(), scores),
            Fill(new SortedDictionary<uint, string>(), byId)));

    public static readonly Gen<WithValue> WithValue = Gen.Select(Text, Json, (id, metadata) => new WithValue(id, metadata));

    public static readonly Gen<SessionId> SessionId = Text.Select(t => new SessionId(t));

    public static readonly Gen<Id> Id = Text.Select(t => new Id(t));

    public static readonly Gen<Point> Point = Gen.Select(Gen.Int, Gen.Int, (x, y) => new Point(x, y));

    public static readonly Gen<Marker> Marker = Gen.Const(new Marker());

    public static readonly Gen<Wrappers> Wrappers = Gen.Select(
        SessionId, Id, Id.List[0, 3], Point, Point.List[0, 3], Marker, OrNull(Id),
        (session, id, ids, origin, path, marker, maybe) => new Wrappers(session, id, ids, origin, path, marker, maybe));

    public static readonly Gen<Coords> Coords = Gen.Select(Gen.Int, Gen.Int, (x, y) => new Coords(x, y));

    public static readonly Gen<External> External = Gen.OneOf<External>(
        Gen.Const<External>(new External.Ping()),
        Text.Select(External (t) => new External.Text(t)),
        OrNullValue(Gen.UInt).Select(External (v) => new External.Maybe(v)),
        Gen.Select(Gen.Int, Gen.Int, External (a, b) => new External.Move(a, b)),
        Gen.Select(Gen.UInt, Gen.UInt, External (w, h) => new External.Resize(w, h)),
        Gen.Int.Select(External (x) => new External.Named(x)),
        Point.Select(External (p) => new External.Wrap(p)),
        Gen.Const<External>(new External.Empty()));

    public static readonly Gen<Internal> Internal = Gen.OneOf<Internal>(
        Gen.Const<Internal>(new Internal.Ping()),
        Gen.Select(Gen.UInt, Text, OrNullValue(Gen.UInt), Internal (id, text, reply) => new Internal.Message(id, text, reply)),
        Coords.Select(Internal (c) => new Internal.Located(c)));

    public static readonly Gen<Adjacent> Adjacent = Gen.OneOf<Adjacent>(
        Gen.Const<Adjacent>(new Adjacent.Stop()),
        Text.Select(Adjacent (t) => new Adjacent.Text(t)),
        Gen.Select(Gen.Byte, Gen.Byte, Adjacent (a, b) => new Adjacent.Pair(a, b)),
        Gen.Select(Text, OrNullValue(Gen.UInt), Adjacent (a, b) => new Adjacent.Full(a, b)));

    public static readonly Gen<Event> Event = Gen.OneOf<Event>(
        Gen.UInt.Select(Event (id) => new Event.Start(id)),
        Text.Select(Event (t) => new Event.Delta(t)),
        Gen.Const<Event>(new Event.Stop()),
        Gen.Const<Event>(new Event.Unknown()));

    public static readonly Gen<Scalar> Scalar = Gen.Recursive<Scalar>((depth, self) =>
    {
        Gen<Scalar> leaf = Gen.OneOf<Scalar>(
            Gen.Long.Select(Scalar (n) => new Scalar.Int(n)),
            Double.Select(Scalar (d) => new Scalar.Float(d)),
            Text.Select(Scalar (t) => new Scalar.Text(t)),
            Gen.Bool.Select(Scalar (b) => new Scalar.Flag(b)),
            Gen.Const<Scalar>(new Scalar.Null()));
        return depth >= 3 ? leaf : Gen.Frequency((4, leaf), (1, self.List[0, 4].Select(Scalar (items) => new Scalar.List(items))));
    });

    public static readonly Gen<RoleValue> Role = Gen.Enum<Role>().Select(r => new RoleValue(r));

    public static readonly Gen<ContentBlock> ContentBlock = Gen.Recursive<ContentBlock>((depth, self) =>
    {
        Gen<ContentBlock> leaf = Gen.OneOf<ContentBlock>(
            Text.Select(ContentBlock (t) => new ContentBlock.Text(t)),
            Gen.Select(Text, Text, ContentBlock (media, data) => new ContentBlock.Image(media, data)),
            Gen.Select(Text, Text, Json, ContentBlock (id, name, input) => new ContentBlock.ToolUse(id, name, input)));
        if (depth >= 2)
        {
            return leaf;
        }

        Gen<Content> content = Gen.OneOf<Content>(
            Text.Select(Content (t) => new Content.Text(t)),
            self.List[0, 3].Select(Content (blocks) => new Content.Blocks(blocks)));
        return Gen.Frequency(
            (3, leaf),
            (1, Gen.Select(Text, content, OrNullValue(Gen.Bool), ContentBlock (id, c, error) => new ContentBlock.ToolResult(id, c, error))));
    });

    public static readonly Gen<Content> Content = Gen.OneOf<Content>(
        Text.Select(Content (t) => new Content.Text(t)),
        ContentBlock.List[0, 3].Select(Content (blocks) => new Content.Blocks(blocks)));

    public static readonly Gen<Usage> Usage = Gen.Select(
        Gen.UInt, Gen.UInt, OrNullValue(Gen.UInt), OrNullValue(Gen.UInt),
        (input, output, creation, read) => new Usage(input, output, creation, read));

    public static readonly Gen<StopReasonValue> StopReason = Gen.Enum<StopReason>().Select(r => new StopReasonValue(r));

    public static readonly Gen<Message> Message = Gen.Select(
        Text, Gen.Enum<Role>(), Content, OrNull(Text), OrNullValue(Gen.Enum<StopReason>()), OrNull(Usage), Gen.Select(Text, Text).Array[0, 3],
        (id, role, content, model, stop, usage, metadata) =>
            new Message(id, role, content, model, stop, usage, Fill(new SortedDictionary<string, string>(Utf8Order.Instance), metadata)));

    public static readonly Gen<Aliased> Aliased = Gen.Select(Text, OrNull(Text), (name, description) => new Aliased(name, description));

    public static readonly Gen<Strict> Strict = Gen.Select(Gen.Int, OrNull(Text), (a, b) => new Strict(a, b));

    public static readonly Gen<Flattened> Flattened = Gen.Select(Text, Coords, OrNull(Text), (id, coords, label) => new Flattened(id, coords, label));

    /// <summary>Unknown keys only: "id" and "kind" would be read as the fields.</summary>
    public static readonly Gen<CatchAll> CatchAll = Gen.Select(
        Text, OrNull(Text), Gen.Select(Text.Where(k => k is not ("id" or "kind")), Json).Array[0, 4],
        (id, kind, extra) => new CatchAll(id, kind, Fill(new SortedDictionary<string, JsonValue>(Utf8Order.Instance), extra)));

    public static readonly Gen<Integers> Integers = Gen.Select(
        Gen.SByte, Gen.Short, Gen.Int, Gen.Long, Gen.Byte, Gen.UShort, Gen.UInt, Gen.ULong,
        (i8, i16, i32, i64, u8, u16, u32, u64) => new Integers(i8, i16, i32, i64, u8, u16, u32, u64));

    public static readonly Gen<Floats> Floats = Gen.Select(
        Single, Double, OrNullValue(Double), Double.List[0, 4], Single.List[0, 4],
        (f32, f64, maybe, list, singles) => new Floats(f32, f64, maybe, list, singles));

    public static readonly Gen<CharsAndBytes> CharsAndBytes = Gen.Select(
        Rune, Rune.List[0, 4], OrNullValue(Rune), Gen.Byte.List[0, 6],
        (letter, letters, maybe, bytes) => new CharsAndBytes(letter, letters, maybe, bytes));

    public static readonly Gen<Nested> Nested = Gen.Select(
        Gen.Int.List[0, 3].List[0, 3], OrNull(Text.List[0, 3]), OrNullValue(Gen.UInt).List[0, 4], OrNull(OrNull(Coords).List[0, 3]), Point.List[0, 3].List[0, 3],
        (grid, maybe, sparse, cells, paths) => new Nested(grid, maybe, sparse, cells, paths));

    public static readonly Gen<Tree> Tree = Gen.Recursive<Tree>((depth, self) =>
        depth >= 5
            ? Gen.Int.Select(v => new Tree(v, null, null))
            : Gen.Select(Gen.Int, OrNull(self), OrNull(self), (v, left, right) => new Tree(v, left, right)));

    private static Gen<T?> OrNull<T>(Gen<T> gen)
        where T : class =>
        Gen.Frequency((1, Gen.Const((T?)null)), (3, gen.Select(T? (v) => v)));

    private static Gen<T?> OrNullValue<T>(Gen<T> gen)
        where T : struct =>
        Gen.Frequency((1, Gen.Const((T?)null)), (3, gen.Select(v => (T?)v)));

    private static TMap Fill<TMap, TKey, TValue>(TMap map, (TKey Key, TValue Value)[] entries)
        where TMap : IDictionary<TKey, TValue>
    {
        foreach ((TKey key, TValue value) in entries)
        {
            map[key] = value;
        }

        return map;
    }

    private static string JsonString(string text)
    {
        var json = new StringBuilder("\"");
        foreach (char c in text)
        {
            json.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return json.Append('"').ToString();
    }
}
