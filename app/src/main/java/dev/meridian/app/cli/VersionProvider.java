package dev.meridian.app.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = MeridianCommand.class.getPackage().getImplementationVersion();
        return new String[] {"meridian " + (version == null ? "development build" : version)};
    }
}
