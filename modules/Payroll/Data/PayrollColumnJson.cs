using System.Text.Json;
using System.Text.Json.Serialization;

namespace Derrimut.Payroll.Data;

/// <summary>The generated JSON shapes of payroll's JSON columns: payslip lines, tax brackets, who a run left out (decision 0096).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<PayslipLine>))]
[JsonSerializable(typeof(List<WithholdingBracketRow>))]
[JsonSerializable(typeof(List<NotCalculatedEmployee>))]
internal sealed partial class PayrollColumnJson : JsonSerializerContext;
