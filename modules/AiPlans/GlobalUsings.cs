global using System.Globalization;
global using System.Text;
global using System.Text.Json;
global using Derrimut.BuildingBlocks.Money;
