namespace ChatBot.Core;

/// <summary>Which configuration section an options type (and name) is bound to, so a validation failure can name the setting.</summary>
public sealed record ValidatedSection(Type OptionsType, string OptionsName, string Section);
