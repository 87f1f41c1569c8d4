using System.Text.Json.Serialization;

namespace Derrimut.Payroll;

/// <summary>
/// The JSON shapes of this module's endpoints, generated at build time (decision 0093): every type an endpoint of the
/// module reads from a body or writes as its response. <c>EndpointJsonShould</c> names any that is missing.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(Derrimut.Payroll.Contracts.EmployeePaySettingsDto))]
[JsonSerializable(typeof(Derrimut.Payroll.Contracts.EmployeePaySettingsInput))]
[JsonSerializable(typeof(Derrimut.Payroll.Contracts.EmployerPaySettingsInput))]
[JsonSerializable(typeof(Derrimut.Payroll.Contracts.NewPayRunInput))]
[JsonSerializable(typeof(Derrimut.Payroll.Contracts.PayRunDetailDto))]
[JsonSerializable(typeof(Derrimut.Payroll.Contracts.PayslipDto))]
[JsonSerializable(typeof(Derrimut.Payroll.Contracts.PublicHolidayDto))]
[JsonSerializable(typeof(Derrimut.Payroll.Contracts.PublicHolidayInput))]
[JsonSerializable(typeof(Derrimut.Payroll.Contracts.RevealedBankDetailsDto))]
[JsonSerializable(typeof(Derrimut.Payroll.Contracts.SuperGuaranteeRuleDto))]
[JsonSerializable(typeof(Derrimut.Payroll.Contracts.SuperGuaranteeRuleInput))]
[JsonSerializable(typeof(Derrimut.Payroll.Contracts.TaxTablesDto))]
[JsonSerializable(typeof(Derrimut.Payroll.Contracts.TimesheetDayDto))]
[JsonSerializable(typeof(Derrimut.Payroll.Contracts.TimesheetDayInput))]
[JsonSerializable(typeof(Derrimut.Payroll.Contracts.WithholdingTableDto))]
[JsonSerializable(typeof(Derrimut.Payroll.Contracts.WithholdingTableInput))]
[JsonSerializable(typeof(Derrimut.Payroll.Features.Timesheets.ApproveTimesheetsRequest))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Payroll.Contracts.BankDetailsAuditDto>))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Payroll.Contracts.PayRunSummaryDto>))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Payroll.Contracts.PayrollEmployeeDto>))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Payroll.Contracts.PayslipDto>))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Payroll.Contracts.PublicHolidayDto>))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Payroll.Contracts.TimesheetDayDto>))]
[JsonSerializable(typeof(IReadOnlyList<Derrimut.Payroll.Contracts.TrainerEarningsPeriodDto>))]
internal sealed partial class PayrollEndpointJson : JsonSerializerContext;
