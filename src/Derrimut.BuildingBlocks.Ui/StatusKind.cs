namespace Derrimut.BuildingBlocks.Ui;

/// <summary>How a status message reads: colour, icon and whether screen readers interrupt for it.</summary>
public enum StatusKind
{
    Info,
    Success,
    Warning,
    Error,
}
