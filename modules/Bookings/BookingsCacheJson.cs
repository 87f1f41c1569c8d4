using System.Text.Json.Serialization;
using Derrimut.Bookings.Features.MyBookings;
using Derrimut.BuildingBlocks.Caching;

namespace Derrimut.Bookings;

/// <summary>
/// The JSON shapes of what this module keeps in HybridCache (a member's upcoming sessions), generated at build time
/// with HybridCache's own default settings (decision 0094).
/// </summary>
[JsonSerializable(typeof(Remembered<IReadOnlyList<UpcomingSession>>))]
internal sealed partial class BookingsCacheJson : JsonSerializerContext;
