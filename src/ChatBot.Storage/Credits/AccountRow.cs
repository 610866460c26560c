using System.Runtime.InteropServices;

namespace ChatBot.Storage.Credits;

/// <summary>An account as read inside a write transaction; <see cref="AllowanceDay"/> is the last UTC day the allowance was applied.</summary>
[StructLayout(LayoutKind.Auto)]
internal readonly record struct AccountRow(long Id, long Balance, long AllowanceDay);
