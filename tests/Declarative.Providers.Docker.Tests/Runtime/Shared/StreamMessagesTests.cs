using Declarative.Providers.Docker.Runtime.Shared;
using Docker.DotNet.Models;

namespace Declarative.Providers.Docker.Tests.Runtime.Shared;

/// <summary>What a build stream turns into: the lines a user reads on the terminal and in a failed build's message.</summary>
public sealed class StreamMessagesTests
{
    [Fact]
    public void The_colour_codes_the_classic_builder_puts_around_a_steps_stderr_are_left_out_of_the_lines()
    {
        var printed = new List<string>();
        var messages = new StreamMessages(printed.Add, keepLines: 10);

        // As the engine sends a RUN step that writes to stdout, then to stderr, then fails.
        messages.Report(new JSONMessage { Stream = "compiling the app\n" });
        messages.Report(new JSONMessage { Stream = "\u001b[91merror: missing semicolon at main.c:3\n" });
        messages.Report(new JSONMessage { Stream = "\u001b[0m" });
        messages.Report(new JSONMessage { Stream = "Removing intermediate container 1f174b1648d2\n" });
        messages.Report(new JSONMessage { Error = new JSONError { Message = "The command '/bin/sh -c make' returned a non-zero code: 3" } });

        string[] expected = ["compiling the app", "error: missing semicolon at main.c:3", "Removing intermediate container 1f174b1648d2"];
        Assert.Equal(expected, messages.LastLines);
        Assert.Equal(expected, printed);
        Assert.Equal("The command '/bin/sh -c make' returned a non-zero code: 3", messages.Error);
    }
}
