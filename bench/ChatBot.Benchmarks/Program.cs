// Placeholder until the load harness (issue 6) lands: an executable project needs an entry point
// for the solution to build.
Console.WriteLine("ChatBot benchmarks are not written yet.");
