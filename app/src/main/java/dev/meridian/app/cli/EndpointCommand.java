package dev.meridian.app.cli;

import picocli.CommandLine.Command;

@Command(name = "endpoint", description = "Show and edit the direct cluster endpoint of a connected cluster.")
final class EndpointCommand extends GroupCommand {}
