package tvmm.images.linux;

/**
 * One version of a Debian binary package as {@code apt-cache show NAME=VERSION} describes
 * it: the checksum and size the archive's signed Packages index gives for that exact
 * version, and its raw {@code Depends} field.
 */
public record DebPackage(String name, String version, String architecture, String depends, String sha256,
        long size) {

    /** The file name apt gives the download: the epoch's ':' is written as {@code %3a}. */
    public String fileName() {
        return name + "_" + version.replace(":", "%3a") + "_" + architecture + ".deb";
    }

    /** {@code name=version}, the form apt-get and apt-cache take. */
    public String pinned() {
        return name + "=" + version;
    }

    /** A name for cache keys and manifests: {@code name_version} with the epoch kept readable. */
    public String key() {
        return name + "_" + version.replace(":", "%3a");
    }
}
