using System.Text.Json.Serialization;
using Derrimut.Bookings.Contracts;

namespace Derrimut.Bookings;

/// <summary>
/// The JSON shapes of what this module's pages hand from prerender to their circuit (the timetable, the member's
/// classes and check-in code), generated at build time with Blazor's own settings for persisted state (decision 0096).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(List<MyClassBookingDto>))]
[JsonSerializable(typeof(List<ClassStrikeDto>))]
[JsonSerializable(typeof(CheckInCodeDto))]
[JsonSerializable(typeof(List<ClassOccurrenceDto>))]
internal sealed partial class BookingsPageStateJson : JsonSerializerContext;
