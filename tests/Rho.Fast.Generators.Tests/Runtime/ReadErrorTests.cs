using System.Text.Json;
using Rho.Fast.Generators.Samples;
using Rho.Fast.Serialization;
using Xunit;

namespace Rho.Fast.Generators.Tests.Runtime;

/// <summary>JSON serde would reject is rejected with a <see cref="WireFormatException"/> naming the type, case and field.</summary>
public sealed class ReadErrorTests
{
    // ---- externally tagged --------------------------------------------------------------------

    [Fact]
    public void External_empty_object()
    {
        WireFormatException e = Reject<ExternalCommand>("{}");

        AssertNames(e, "ExternalCommand", caseName: null, fieldName: null);
    }

    [Fact]
    public void External_object_with_a_second_key()
    {
        WireFormatException e = Reject<ExternalCommand>("""{"Say":"a","Ping":null}""");

        AssertNames(e, "ExternalCommand", caseName: null, fieldName: null);
        Assert.Contains("second key", e.Problem);
    }

    [Theory]
    [InlineData("""{"Jump":{"h":1}}""")]
    [InlineData("\"Jump\"")]
    [InlineData("""{"ping":null}""")]
    public void External_unknown_case_name(string json)
    {
        WireFormatException e = Reject<ExternalCommand>(json);

        AssertNames(e, "ExternalCommand", caseName: null, fieldName: null);
        Assert.Contains("unknown case", e.Problem);
        Assert.Contains("'Ping'", e.Problem);
    }

    [Fact]
    public void External_case_with_payload_written_as_a_bare_string()
    {
        WireFormatException e = Reject<ExternalCommand>("\"Say\"");

        AssertNames(e, "ExternalCommand", caseName: "Say", fieldName: null);
    }

    [Theory]
    [InlineData("[\"Ping\"]")]
    [InlineData("1")]
    [InlineData("null")]
    [InlineData("true")]
    public void External_union_as_neither_string_nor_object(string json)
    {
        WireFormatException e = Reject<ExternalCommand>(json);

        AssertNames(e, "ExternalCommand", caseName: null, fieldName: null);
    }

    [Fact]
    public void Struct_case_missing_a_field()
    {
        WireFormatException e = Reject<ExternalCommand>("""{"Move":{"x":1}}""");

        AssertNames(e, "ExternalCommand", "Move", "y");
        Assert.Contains("missing field 'y'", e.Problem);
    }

    [Fact]
    public void Struct_case_with_a_duplicate_field()
    {
        WireFormatException e = Reject<ExternalCommand>("""{"Move":{"x":1,"x":2,"y":3}}""");

        AssertNames(e, "ExternalCommand", "Move", "x");
        Assert.Contains("duplicate field 'x'", e.Problem);
    }

    [Fact]
    public void Struct_field_of_the_wrong_token_type()
    {
        WireFormatException e = Reject<ExternalCommand>("""{"Move":{"x":"1","y":2}}""");

        AssertNames(e, "ExternalCommand", "Move", "x");
    }

    [Fact]
    public void Struct_case_payload_that_is_not_an_object()
    {
        WireFormatException e = Reject<ExternalCommand>("""{"Move":"x"}""");

        AssertNames(e, "ExternalCommand", "Move", fieldName: null);
    }

    [Theory]
    [InlineData("""{"Move":[1]}""")]
    [InlineData("""{"Move":[1,2,3]}""")]
    public void Struct_case_array_form_with_the_wrong_length(string json)
    {
        WireFormatException e = Reject<ExternalCommand>(json);

        AssertNames(e, "ExternalCommand", "Move", fieldName: null);
    }

    [Theory]
    [InlineData("""{"Say":1}""")]
    [InlineData("""{"Say":null}""")]
    [InlineData("""{"Say":["hi"]}""")]
    public void Newtype_payload_of_the_wrong_token_type(string json)
    {
        WireFormatException e = Reject<ExternalCommand>(json);

        AssertNames(e, "ExternalCommand", "Say", fieldName: null);
    }

    [Fact]
    public void Unit_case_with_a_payload_object()
    {
        WireFormatException e = Reject<ExternalCommand>("""{"Ping":{}}""");

        AssertNames(e, "ExternalCommand", "Ping", fieldName: null);
    }

    // ---- internally tagged --------------------------------------------------------------------

    [Theory]
    [InlineData("""{"x":1,"y":2}""")]
    [InlineData("{}")]
    public void Internal_tag_missing(string json)
    {
        WireFormatException e = Reject<InternalEvent>(json);

        AssertNames(e, "InternalEvent", caseName: null, fieldName: "type");
        Assert.Contains("missing field 'type'", e.Problem);
    }

    [Fact]
    public void Internal_unknown_case_name()
    {
        WireFormatException e = Reject<InternalEvent>("""{"type":"jumped","x":1}""");

        AssertNames(e, "InternalEvent", caseName: null, fieldName: null);
        Assert.Contains("'jumped'", e.Problem);
    }

    [Theory]
    [InlineData("""{"type":1}""")]
    [InlineData("""{"type":null}""")]
    [InlineData("""{"x":1,"type":["moved"]}""")]
    public void Internal_tag_that_is_not_a_string(string json)
    {
        WireFormatException e = Reject<InternalEvent>(json);

        AssertNames(e, "InternalEvent", caseName: null, fieldName: "type");
    }

    [Fact]
    public void Internal_union_as_a_bare_string()
    {
        WireFormatException e = Reject<InternalEvent>("\"started\"");

        AssertNames(e, "InternalEvent", caseName: null, fieldName: null);
    }

    [Theory]
    [InlineData("""{"type":"moved","x":1,"type":"moved","y":2}""")]
    [InlineData("""{"x":1,"type":"moved","y":2,"type":"moved"}""")]
    public void Internal_duplicate_tag(string json)
    {
        WireFormatException e = Reject<InternalEvent>(json);

        AssertNames(e, "InternalEvent", "moved", "type");
    }

    [Fact]
    public void Internal_struct_case_missing_a_field()
    {
        WireFormatException e = Reject<InternalEvent>("""{"type":"moved","x":1}""");

        AssertNames(e, "InternalEvent", "moved", "y");
    }

    [Fact]
    public void Internal_struct_case_with_a_duplicate_field()
    {
        WireFormatException e = Reject<InternalEvent>("""{"type":"text_changed","new_text":"a","new_text":"b"}""");

        AssertNames(e, "InternalEvent", "text_changed", "new_text");
    }

    [Fact]
    public void Internal_record_payload_missing_a_field_names_the_record()
    {
        WireFormatException e = Reject<InternalEvent>("""{"type":"placed","x":1}""");

        AssertNames(e, "Point", caseName: null, fieldName: "y");
    }

    // ---- adjacently tagged --------------------------------------------------------------------

    [Fact]
    public void Adjacent_tag_missing()
    {
        WireFormatException e = Reject<AdjacentMessage>("""{"c":"hi"}""");

        AssertNames(e, "AdjacentMessage", caseName: null, fieldName: "t");
    }

    [Fact]
    public void Adjacent_content_missing_for_a_case_with_payload()
    {
        WireFormatException e = Reject<AdjacentMessage>("""{"t":"Say"}""");

        AssertNames(e, "AdjacentMessage", caseName: null, fieldName: "c");
    }

    [Theory]
    [InlineData("""{"t":"Say","t":"Say","c":"hi"}""", "t")]
    [InlineData("""{"t":"Say","c":"hi","c":"ho"}""", "c")]
    [InlineData("""{"c":"hi","c":"ho","t":"Say"}""", "c")]
    public void Adjacent_duplicate_key(string json, string key)
    {
        WireFormatException e = Reject<AdjacentMessage>(json);

        AssertNames(e, "AdjacentMessage", caseName: null, fieldName: key);
    }

    [Fact]
    public void Adjacent_unknown_case_name()
    {
        WireFormatException e = Reject<AdjacentMessage>("""{"t":"Shout","c":"hi"}""");

        AssertNames(e, "AdjacentMessage", caseName: null, fieldName: null);
        Assert.Contains("'Shout'", e.Problem);
    }

    [Fact]
    public void Adjacent_struct_content_missing_a_field()
    {
        WireFormatException e = Reject<AdjacentMessage>("""{"t":"Move","c":{"y":1}}""");

        AssertNames(e, "AdjacentMessage", "Move", "x");
    }

    // ---- records and values -------------------------------------------------------------------

    [Fact]
    public void Record_missing_a_field()
    {
        WireFormatException e = Reject<Point>("""{"x":1}""");

        AssertNames(e, "Point", caseName: null, fieldName: "y");
    }

    [Fact]
    public void Record_with_a_duplicate_field()
    {
        WireFormatException e = Reject<Point>("""{"x":1,"y":2,"y":3}""");

        AssertNames(e, "Point", caseName: null, fieldName: "y");
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("[1,2,3]")]
    [InlineData("\"1,2\"")]
    public void Record_of_the_wrong_shape(string json)
    {
        WireFormatException e = Reject<Point>(json);

        Assert.Equal("Point", e.TypeName);
    }

    [Theory]
    [InlineData("i8", "128")]
    [InlineData("i8", "-129")]
    [InlineData("u8", "-1")]
    [InlineData("u8", "256")]
    [InlineData("i16", "32768")]
    [InlineData("u16", "65536")]
    [InlineData("i32", "2147483648")]
    [InlineData("u32", "4294967296")]
    [InlineData("i64", "9223372036854775808")]
    [InlineData("u64", "18446744073709551616")]
    [InlineData("i32", "1.5")]
    [InlineData("u64", "1e2")]
    [InlineData("f64", "1e400")]
    [InlineData("f64", "\"1\"")]
    [InlineData("flag", "1")]
    [InlineData("text", "null")]
    public void Scalar_out_of_range_or_of_the_wrong_type(string field, string value)
    {
        string json = SampleCatalog.MemberTypes["every-scalar-at-the-other-extreme"].Json;
        int start = json.IndexOf("\"" + field + "\":") + field.Length + 3;
        int end = json.IndexOf(',', start);
        string bad = json[..start] + value + json[end..];

        WireFormatException e = Reject<Bag>(bad);

        AssertNames(e, "Bag", "scalars", field);
    }

    [Fact]
    public void List_element_of_the_wrong_type_names_the_list_field()
    {
        string json = SampleCatalog.MemberTypes["every-scalar-at-the-other-extreme"].Json.Replace("\"tags\":[]", "\"tags\":[\"a\",1]");

        WireFormatException e = Reject<Bag>(json);

        AssertNames(e, "Bag", "scalars", "tags");
    }

    // ---- paths --------------------------------------------------------------------------------

    [Fact]
    public void Path_of_a_top_level_field()
    {
        WireFormatException e = Reject<Point>("""{"x":"1","y":2}""");

        Assert.Equal("Point.x", e.WirePath);
        Assert.Equal("\"1\",\"y\":2}", e.Value);
        Assert.StartsWith("Point.x: expected an integer, found a string (found `\"1\",\"y\":2}`)", e.Message);
    }

    [Fact]
    public void Path_of_a_union_inside_a_list_names_the_index_then_the_case_and_field()
    {
        string json = SampleCatalog.MemberTypes["every-scalar-at-the-other-extreme"].Json
            .Replace("\"commands\":[]", """
                "commands":["Ping",{"Say":"a"},{"Move":{"x":1,"y":"2"}}]
                """);

        WireFormatException e = Reject<Bag>(json);

        AssertNames(e, "ExternalCommand", "Move", "y");
        Assert.Equal("Bag.scalars.commands[2].Move.y", e.WirePath);
        Assert.StartsWith("\"2\"", e.Value);
        Assert.Contains("Bag.scalars.commands[2].Move.y: ", e.Message);
    }

    [Fact]
    public void Path_of_a_primitive_list_element_ends_with_its_index()
    {
        string json = SampleCatalog.MemberTypes["every-scalar-at-the-other-extreme"].Json.Replace("\"tags\":[]", "\"tags\":[\"a\",1]");

        WireFormatException e = Reject<Bag>(json);

        Assert.Equal("Bag.scalars.tags[1]", e.WirePath);
        Assert.Equal("1]", e.Value![..2]);
    }

    [Fact]
    public void Path_of_a_nested_record_field()
    {
        WireFormatException e = Reject<ExternalCommand>("""{"Place":{"x":1,"y":true}}""");

        AssertNames(e, "Point", caseName: null, fieldName: "y");
        Assert.Equal("ExternalCommand.Place.y", e.WirePath);
    }

    [Fact]
    public void Path_of_an_internally_tagged_case_holding_a_record()
    {
        WireFormatException e = Reject<InternalEvent>("""{"type":"placed","x":1}""");

        AssertNames(e, "Point", caseName: null, fieldName: "y");
        Assert.Equal("InternalEvent.placed.y", e.WirePath);
    }

    [Fact]
    public void Path_through_a_map_and_nested_lists()
    {
        WireFormatException map = Reject<Inventory>("""{"places":{"home":{"x":1,"y":2},"work":{"x":1,"y":-0}},"grid":[],"log":[]}""");
        WireFormatException grid = Reject<Inventory>("""{"places":{},"grid":[[1],[2,"x"]],"log":[]}""");
        WireFormatException log = Reject<Inventory>("""{"places":{},"grid":[],"log":["Ping",{"Line":[1]}]}""");

        Assert.Equal("Inventory.places.work.y", map.WirePath);
        Assert.Equal("Inventory.grid[1][1]", grid.WirePath);
        Assert.Equal("Inventory.log[1].Line", log.WirePath);
        Assert.Equal("ExternalCommand", log.TypeName);
    }

    [Theory]
    [InlineData("""{"id":"a","name":1,"corner":{"x":1,"y":2},"floors":[]}""", "Site.name")]
    [InlineData("""{"id":"a","name":"hall","corner":{"x":1,"y":"2"},"floors":[]}""", "Site.corner.y")]
    [InlineData("""{"id":"a","name":"hall","corner":{"x":1,"y":2},"floors":[0,"1"]}""", "Site.floors[1]")]
    [InlineData("""{"id":"a","corner":{"x":1,"y":2},"floors":[]}""", "Site.name")]
    public void Path_inside_a_flattened_record_names_its_fields_as_the_wire_has_them(string json, string path)
    {
        WireFormatException e = Reject<Site>(json);

        Assert.Equal(path, e.WirePath);
    }

    [Theory]
    [InlineData("""{"id":"a","level":1,"rank":"2","label":"b"}""", "Tiered.rank")]
    [InlineData("""{"id":"a","level":1,"rank":2}""", "Tiered.label")]
    public void Path_inside_records_flattened_two_deep_names_the_field_on_the_outer_object(string json, string path)
    {
        WireFormatException e = Reject<Tiered>(json);

        Assert.Equal(path, e.WirePath);
    }

    [Theory]
    [InlineData("""["1",{"x":1,"y":2},[]]""", "Segment[0]")]
    [InlineData("""[1,{"x":1,"y":"2"},[]]""", "Segment[1].y")]
    [InlineData("""[1,{"x":1,"y":2},[3,"4"]]""", "Segment[2][1]")]
    public void Path_inside_a_tuple_record_names_the_element_index(string json, string path)
    {
        WireFormatException e = Reject<Segment>(json);

        Assert.Equal(path, e.WirePath);
        Assert.Contains(path + ": ", e.Message);
    }

    [Fact]
    public void Path_inside_a_tuple_case_names_the_element_index()
    {
        WireFormatException external = Reject<ExternalCommand>("""{"Line":[1,"2"]}""");
        WireFormatException adjacent = Reject<AdjacentMessage>("""{"t":"Span","c":[1,256]}""");
        WireFormatException listed = Reject<Inventory>("""{"places":{},"grid":[],"log":["Ping",{"Line":[true,2]}]}""");

        Assert.Equal("ExternalCommand.Line[1]", external.WirePath);
        Assert.Null(external.FieldName);
        Assert.Equal("AdjacentMessage.Span[1]", adjacent.WirePath);
        Assert.Equal("Inventory.log[1].Line[0]", listed.WirePath);
    }

    [Fact]
    public void Path_inside_the_array_form_of_a_struct_names_the_element_index()
    {
        WireFormatException record = Reject<Point>("""[1,"2"]""");
        WireFormatException structCase = Reject<ExternalCommand>("""{"Move":["1",2]}""");
        WireFormatException payload = Reject<ExternalCommand>("""{"Place":[1,"2"]}""");

        Assert.Equal("Point[1]", record.WirePath);
        Assert.Equal("ExternalCommand.Move[0]", structCase.WirePath);
        Assert.Equal("ExternalCommand.Place[1]", payload.WirePath);
    }

    [Fact]
    public void Path_inside_the_array_form_of_an_internally_tagged_union_counts_the_tag_as_element_zero()
    {
        WireFormatException structCase = Reject<InternalEvent>("""["moved",1,"2"]""");
        WireFormatException recordCase = Reject<InternalEvent>("""["placed","1",2]""");

        Assert.Equal("InternalEvent.moved[2]", structCase.WirePath);
        Assert.Equal("InternalEvent.placed[1]", recordCase.WirePath);
        Assert.Equal("Point", recordCase.TypeName);
    }

    [Fact]
    public void Value_is_cut_to_its_first_bytes()
    {
        string text = new('a', 100);
        WireFormatException e = Reject<Point>("{\"x\":\"" + text + "\",\"y\":2}");

        Assert.Equal("\"" + new string('a', 39) + "...", e.Value);
    }

    [Fact]
    public void Value_is_not_cut_inside_a_character()
    {
        // 'é' is two bytes in UTF-8; byte 40 falls inside one.
        WireFormatException e = Reject<Point>("{\"x\":\"" + new string('é', 60) + "\",\"y\":2}");

        Assert.Equal("\"" + new string('é', 19) + "...", e.Value);
    }

    [Fact]
    public void Missing_field_has_no_value_but_a_path()
    {
        WireFormatException e = Reject<Point>("""{"x":1}""");

        Assert.Null(e.Value);
        Assert.Equal("Point.y", e.WirePath);
        Assert.Equal("Point.y: missing field 'y'", e.Detail);
    }

    [Theory]
    [InlineData("""{"Move":{"x":1""")]
    [InlineData("""{"Move":{"x":1,}}""")]
    [InlineData("")]
    [InlineData("\"Ping\" \"Ping\"")]
    [InlineData("""{"Say":"a"} {}""")]
    public void Malformed_json_or_data_after_the_value_is_a_json_exception(string json)
    {
        Assert.ThrowsAny<JsonException>(() => Wire.Deserialize<ExternalCommand>(json));
    }

    private static WireFormatException Reject<T>(string json)
        where T : IWireSerializable<T> =>
        Assert.Throws<WireFormatException>(() => Wire.Deserialize<T>(json));

    private static void AssertNames(WireFormatException e, string typeName, string? caseName, string? fieldName)
    {
        Assert.True(
            e.TypeName == typeName && e.CaseName == caseName && e.FieldName == fieldName,
            $"expected ({typeName}, {caseName ?? "null"}, {fieldName ?? "null"}), got ({e.TypeName}, {e.CaseName ?? "null"}, {e.FieldName ?? "null"}): {e.Message}");
    }
}
