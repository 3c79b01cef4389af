package tvmm.vmm.cli;

import picocli.CommandLine.IVersionProvider;

/** tvmm's version, from the jar manifest (the Maven project version). */
public final class Version implements IVersionProvider {

    public static String tvmm() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v != null ? v : "development build";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"tvmm " + tvmm()};
    }
}
