using System.Text.Json;
using System.Text.Json.Serialization;
using Derrimut.Organizations.Domain;

namespace Derrimut.Organizations.Data;

/// <summary>
/// The generated JSON shape of a gym's opening hours, stored as a JSON column (decision 0096): every public page of a
/// gym reads them, so a starting node should not build their shape by reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<DailyHours>))]
internal sealed partial class OrganizationsColumnJson : JsonSerializerContext;
