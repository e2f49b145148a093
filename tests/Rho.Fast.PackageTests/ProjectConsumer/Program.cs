using Rho.Fast.Serialization;

// A union and a record of this project's own: the generator comes from the project reference.
Shape circle = new Shape.Circle(new Point(1, -2), 0.5);
string json = Wire.Serialize(circle);
Console.WriteLine(json);
Console.WriteLine(Wire.Deserialize<Shape>(json) == circle);
Console.WriteLine(Wire.Serialize(new Shape.Label("hi \"there\"")));
Console.WriteLine(Wire.Serialize(new Shape.Empty()));
Console.WriteLine(Wire.Serialize(new Point(3, 4)));
Console.WriteLine(Wire.Deserialize<Point>("""{"y":4,"x":3}""") == new Point(3, 4));

[TaggedUnion(Tag = "kind", RenameAll = RenameRule.SnakeCase)]
public abstract partial record Shape
{
    public sealed record Circle(Point Center, double Radius) : Shape;
    public sealed record Label(string Text) : Shape;
    public sealed record Empty : Shape;
}

[WireRecord]
public sealed partial record Point(int X, int Y);
