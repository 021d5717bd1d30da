package dev.baton.aws.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest; a build run from class directories has none. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "baton-aws " + (version == null ? "(development build)" : version),
            "Java " + Runtime.version() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
